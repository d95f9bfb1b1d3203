import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkOptions } from '@mcpx/core/internal';
import { ConfigNotFoundError } from '../errors/config-not-found-error.js';
import { LOAD_OPTION_KEYS } from '../option-keys.js';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { configSearchPaths, discoverConfig, type DiscoverOptions } from './discover.js';
import { formatOf, parseText } from './parse-text.js';
import { ProblemList } from './problem.js';
import type { McpxConfig } from './types.js';
import { validateConfig, type ValidateConfigOptions } from './validate-config.js';

/** Options of `loadConfig`. */
export interface LoadConfigOptions extends DiscoverOptions, Pick<ValidateConfigOptions, 'homedir'> {
  /** The config file; when absent it is discovered (see `discoverConfig`). */
  path?: string | undefined;
}

/**
 * Reads, parses and validates a config file: the one at `path`, or the first found in the
 * standard places. JSON (comments and trailing commas allowed) unless the name ends in `.toml`.
 * Throws a `ConfigValidationError` listing every problem, or a `ConfigNotFoundError` (a `ConfigError`) when there is no file.
 * @example
 * const config = await loadConfig('./mcp_servers.json');
 * for (const server of config.servers) console.log(server.name, server.transport);
 */
export async function loadConfig(pathOrOptions: string | LoadConfigOptions = {}): Promise<McpxConfig> {
  const options = typeof pathOrOptions === 'string' ? { path: pathOrOptions } : pathOrOptions;
  checkOptions(options, LOAD_OPTION_KEYS, { where: 'loadConfig(options)' });
  const cwd = resolve(options.cwd ?? process.cwd());
  const where = { cwd: options.cwd, env: options.env, homedir: options.homedir, platform: options.platform };
  const path = options.path !== undefined ? resolve(cwd, options.path) : discoverConfig(where);
  if (path === undefined) throw new ConfigNotFoundError(configSearchPaths(where));
  const file = displayPath(path, cwd);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const problems = new ProblemList(file);
    problems.add(
      undefined,
      undefined,
      missing ? 'does not exist' : `cannot be read: ${(error as Error).message}`,
      missing ? 'check the path, or create the file' : 'check its permissions',
    );
    throw new ConfigValidationError(problems.problems, { cause: error });
  }
  const format = formatOf(path);
  const problems = new ProblemList(file);
  const parsed = await parseText(text, format, problems);
  if (problems.problems.length > 0) throw new ConfigValidationError(problems.problems);
  return validateConfig(parsed, { file, format, env: options.env, cwd, homedir: options.homedir });
}

/** The path as the user would write it: relative to `cwd` when inside it. */
function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
