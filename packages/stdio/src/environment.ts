/** Variables a server inherits by default on POSIX systems. */
const POSIX_VARIABLES = ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'] as const;

/** Variables a server inherits by default on Windows. */
const WINDOWS_VARIABLES = [
  'APPDATA',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'PATH',
  'PROCESSOR_ARCHITECTURE',
  'SYSTEMDRIVE',
  'SYSTEMROOT',
  'TEMP',
  'USERNAME',
  'USERPROFILE',
  'PROGRAMFILES',
] as const;

type Source = Readonly<Record<string, string | undefined>>;

/** The names of the variables a server inherits by default on `platform`. */
export function defaultVariableNames(platform: NodeJS.Platform): readonly string[] {
  return platform === 'win32' ? WINDOWS_VARIABLES : POSIX_VARIABLES;
}

/**
 * The environment a server gets unless told otherwise: a few variables of `process.env`
 * that programs need to run (`PATH`, `HOME`...), and nothing that may hold a secret.
 */
export function getDefaultEnvironment(): Record<string, string> {
  return pickVariables(process.env, defaultVariableNames(process.platform), process.platform);
}

/** Copies the variables `names` from `source`, skipping unset ones and shell function exports. */
export function pickVariables(source: Source, names: readonly string[], platform: NodeJS.Platform): Record<string, string> {
  const picked: Record<string, string> = {};
  // Only Windows needs the names in `source` (reading them all costs an array of every variable).
  const keys = platform === 'win32' ? Object.keys(source) : [];
  for (const name of names) {
    // Windows variable names are case-insensitive: `Path` is `PATH`.
    const key = platform === 'win32' ? keys.find((candidate) => candidate.toUpperCase() === name) : name;
    const value = key === undefined ? undefined : source[key];
    if (key !== undefined && isSafeValue(value)) picked[key] = value;
  }
  return picked;
}

/** Options deciding the environment of a server. */
export interface EnvironmentSpec {
  env: Readonly<Record<string, string | undefined>>;
  inheritEnv: boolean;
}

/**
 * The environment of a server: the default variables (or all of `source` with
 * `inheritEnv`), without shell function exports, then the caller's `env` on top.
 */
export function buildEnvironment(
  spec: EnvironmentSpec,
  source: Source = process.env,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (spec.inheritEnv) {
    for (const [key, value] of Object.entries(source)) if (isSafeValue(value)) result[key] = value;
  } else {
    Object.assign(result, pickVariables(source, defaultVariableNames(platform), platform));
  }
  for (const [key, value] of Object.entries(spec.env)) {
    if (platform === 'win32') {
      for (const existing of Object.keys(result)) if (existing.toUpperCase() === key.toUpperCase()) delete result[existing];
    } else {
      delete result[key];
    }
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** Values starting with `()` are bash function exports (the Shellshock vector): never pass them on. */
function isSafeValue(value: string | undefined): value is string {
  return value !== undefined && !value.startsWith('()');
}
