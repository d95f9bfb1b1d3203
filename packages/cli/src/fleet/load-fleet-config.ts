import { homedir } from 'node:os';
import type { McpxConfig } from '@mcpx/factory';
import type { Context } from '../context.js';
import { exampleFleet } from './example-fleet.js';

/** A loaded config and where it came from. */
export interface LoadedConfig {
  readonly config: McpxConfig;
  /** The file, as shown to the user. */
  readonly file: string;
  /** `flag`: --config or an argument; `discovered`: $MCPX_CONFIG or a standard place; `example`: the example fleet. */
  readonly origin: 'flag' | 'discovered' | 'example';
}

/**
 * Loads the config: `path` (or --config), else the discovered one, else the example fleet of
 * the repository. Throws the factory's `ConfigValidationError`, or its `ConfigError` listing
 * the paths tried when there is nothing at all.
 */
export async function loadFleetConfig(context: Context, path = context.configPath): Promise<LoadedConfig> {
  const { loadConfig, discoverConfig } = await import('@mcpx/factory');
  const { env, cwd } = context.io;
  const homedir = homeOf(env);
  if (path !== undefined) {
    const config = await loadConfig({ path, cwd, env, homedir });
    return { config, file: config.file ?? path, origin: 'flag' };
  }
  const discovered = discoverConfig({ cwd, env, homedir });
  const example = discovered === undefined ? exampleFleet(env) : undefined;
  if (example === undefined) {
    const config = await loadConfig({ cwd, env, homedir });
    return { config, file: config.file ?? discovered ?? '', origin: 'discovered' };
  }
  const config = await loadConfig({ path: example.file, cwd, env: { ...env, ...example.variables }, homedir });
  const file = config.file ?? example.file;
  if (!context.json) context.note(context.err.dim(`mcpx: no config found; using the example fleet (${file}). mcpx config init writes your own.`));
  return { config, file, origin: 'example' };
}

/**
 * The home folder of the run's environment (`HOME`, or `USERPROFILE` on Windows), so that
 * `run({ env })` looks for configs in the home it was given; `os.homedir()` when unset.
 */
export function homeOf(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}
