import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary, as a user runs it. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
/** The fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Throws unless the package is built: these tests run the binary, not the sources. */
export function requireBuild(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (pnpm build, or pnpm test which builds)`);
}

/** A scratch folder with no config in it, used as the home and working folder of the CLI. */
export interface Scratch {
  readonly path: string;
  /** Where the example fleet's server-filesystem points. */
  readonly exampleRoot: string;
  write(name: string, text: string): string;
  [Symbol.dispose](): void;
}

export function scratch(prefix: string): Scratch {
  const path = mkdtempSync(join(tmpdir(), `mcpx-cli-${prefix}-`));
  const exampleRoot = join(path, 'example-root');
  mkdirSync(exampleRoot);
  return {
    path,
    exampleRoot,
    write: (name, text) => {
      const file = join(path, name);
      writeFileSync(file, text);
      return file;
    },
    [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** The environment of a user with no config anywhere: home and cwd in `dir`, no colours forced. */
export function cleanEnv(dir: Scratch, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'SYSTEMROOT', 'TEMP', 'TMP', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, HOME: dir.path, USERPROFILE: dir.path, MCPX_EXAMPLE_ROOT: dir.exampleRoot, ...extra };
}

/** What a run printed and how it ended. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `mcpx args` with pipes (no terminal) and resolves when it exits. */
export function mcpx(
  args: readonly string[],
  options: { dir: Scratch; env?: Record<string, string>; input?: string; onStart?: (child: ChildProcess) => void },
): Promise<RunResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.dir.path,
    env: cleanEnv(options.dir, options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const result = outcome(child);
  child.stdin.end(options.input ?? '');
  options.onStart?.(child);
  return result;
}

/** What a child process wrote on stdout and stderr, and its exit code, once it has exited. */
export function outcome(child: ChildProcess): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON document a `--json` run printed. */
export function json<T = Record<string, unknown>>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(result.code)}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Polls `check` until it returns something other than undefined. */
export async function eventually<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A config with the fixture server as "slow", logging to `log`; `noisy` makes it print stray lines on stdout. */
export function fixtureConfig(log: string, noisy = false): string {
  const env: Record<string, string> = { MCPX_TEST_LOG: log, ...(noisy ? { MCPX_TEST_NOISE: '1' } : {}) };
  return JSON.stringify({ mcpServers: { slow: { command: process.execPath, args: [join(FIXTURES, 'fixture-server.mjs')], env } } });
}

/** The events the fixture server logged. */
export function events(log: string): Array<{ event: string; id?: number; requestId?: number; reason?: string }> {
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { event: string })
    : [];
}
