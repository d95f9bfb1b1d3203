import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ConfigProblem } from '@mcpx/factory';
import type { Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { homeOf } from '../fleet/load-fleet-config.js';
import { jsonServerNames, removeJsonServer, setJsonServer } from './json-edit.js';
import { removeTomlServer, setTomlServer, tomlServerNames } from './toml-edit.js';

/** A config file opened for editing. */
export interface EditableConfig {
  /** Its absolute path. */
  readonly path: string;
  /** Its path as the user would write it. */
  readonly shown: string;
  readonly format: 'json' | 'toml';
  /** Its text; empty for a file not created yet. */
  readonly text: string;
  /** True when the file does not exist yet. */
  readonly isNew: boolean;
}

/**
 * The config file to edit: `--config`, else the one mcpx would read (`$MCPX_CONFIG`, then the
 * standard places); with `create`, `./mcp_servers.json` when there is none.
 */
export async function openConfig(context: Context, create: boolean): Promise<EditableConfig> {
  const { discoverConfig } = await import('@mcpx/factory');
  const { cwd, env } = context.io;
  const found = context.configPath === undefined ? discoverConfig({ cwd, env, homedir: homeOf(env) }) : resolve(cwd, context.configPath);
  const path = found ?? (create ? join(cwd, 'mcp_servers.json') : undefined);
  if (path === undefined)
    throw new CliError('no config file found to edit', EXIT.config, {
      hint: 'mcpx config add <name> ... creates ./mcp_servers.json, or pass --config <file>',
    });
  const shownPath = relative(cwd, path).startsWith('..') ? path : relative(cwd, path);
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create)
      throw new CliError(`cannot read ${shownPath}: ${(error as Error).message}`, EXIT.config, { cause: error });
    return { path, shown: shownPath, format: formatOf(path), text: '', isNew: true };
  }
  return { path, shown: shownPath, format: formatOf(path), text, isNew: false };
}

function formatOf(path: string): 'json' | 'toml' {
  return path.toLowerCase().endsWith('.toml') ? 'toml' : 'json';
}

/** The names of the file's servers, in file order. */
export function serverNames(file: EditableConfig): string[] {
  return file.format === 'toml' ? tomlServerNames(file.text) : jsonServerNames(file.text);
}

/** The file's text with server `name` set to `entry`. */
export function withServer(file: EditableConfig, name: string, entry: Record<string, unknown>): string {
  return file.format === 'toml' ? setTomlServer(file.text, name, entry) : setJsonServer(file.text, name, entry);
}

/** The file's text without server `name`. */
export function withoutServer(file: EditableConfig, name: string): string {
  return file.format === 'toml' ? removeTomlServer(file.text, name) : removeJsonServer(file.text, name);
}

/**
 * Writes `text` to the file unless the change makes the config worse: the new text is written
 * to a temporary file beside it (so that relative paths mean the same) and loaded as mcpx loads
 * configs (variables unset in this shell count as set); when it has a problem the file did not
 * have before (one it already had does not block an edit), the file is left as it was and the
 * new problems are thrown. Otherwise the temporary file takes the file's permissions and is
 * renamed over it; a symbolic link is followed, so the file it points to is the one replaced.
 */
export async function writeValidated(context: Context, file: EditableConfig, text: string): Promise<void> {
  const { ConfigValidationError } = await import('@mcpx/factory');
  const target = file.isNew ? file.path : await realpath(file.path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.mcpx-edit.${file.format}`);
  // Created owner-only, then given the file's own mode: a config holding tokens stays private.
  await writeFile(temporary, text, { flag: 'wx', mode: 0o600 });
  try {
    const before = file.isNew ? [] : await problemsOf(context, file.path);
    const known = new Set(before.map(problemKey));
    const added = (await problemsOf(context, temporary))
      .filter((problem) => !known.has(problemKey(problem)))
      .map((problem) => ({ ...problem, file: file.shown }));
    if (added.length > 0) throw new ConfigValidationError(added);
    if (!file.isNew) await chmod(temporary, (await stat(target)).mode & 0o7777);
    else await chmod(temporary, 0o666 & ~process.umask());
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function problemsOf(context: Context, path: string): Promise<readonly ConfigProblem[]> {
  const { loadConfig, ConfigValidationError } = await import('@mcpx/factory');
  try {
    // A variable unset in this shell is no reason to refuse an edit: it may be set where mcpx runs.
    const set = (name: string): string => context.io.env[name] ?? 'set-where-mcpx-runs';
    const env = new Proxy<Record<string, string>>(
      {},
      {
        get: (_target, name) => (typeof name === 'string' ? set(name) : undefined),
        has: () => true,
        getOwnPropertyDescriptor: (_target, name) =>
          typeof name === 'string' ? { value: set(name), writable: true, enumerable: true, configurable: true } : undefined,
      },
    );
    await loadConfig({ path, cwd: context.io.cwd, env, homedir: homeOf(context.io.env) });
    return [];
  } catch (error) {
    if (ConfigValidationError.isInstance(error)) return error.problems;
    throw error;
  }
}

function problemKey(problem: ConfigProblem): string {
  return JSON.stringify([problem.server, problem.field, problem.message]);
}
