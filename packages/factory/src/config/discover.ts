import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Env } from './types.js';

/** Where to look for a config file. */
export interface DiscoverOptions {
  /** The folder searched first. @default process.cwd() */
  cwd?: string | undefined;
  /** For `MCPX_CONFIG`, `XDG_CONFIG_HOME` and `APPDATA`. @default process.env */
  env?: Env | undefined;
  /** The home folder. @default os.homedir() */
  homedir?: string | undefined;
  /** Decides between `APPDATA` (Windows) and `~/.config`. @default process.platform */
  platform?: NodeJS.Platform | undefined;
}

/** The names tried in the current folder, in order. */
export const PROJECT_CONFIG_FILES: readonly string[] = ['mcp_servers.json', 'mcp.json', '.mcp.json', 'mcp_servers.toml', join('.vscode', 'mcp.json')];

/** The names tried in the user's config folder, in order. */
export const USER_CONFIG_FILES: readonly string[] = ['mcp_servers.json', 'mcp_servers.toml'];

/**
 * The user's mcpx config folder: `$XDG_CONFIG_HOME/mcpx` when that is set to an absolute
 * path, else `%APPDATA%\mcpx` on Windows, else `~/.config/mcpx`.
 */
export function userConfigDir(options: DiscoverOptions = {}): string {
  const env = options.env ?? process.env;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'mcpx');
  if ((options.platform ?? process.platform) === 'win32' && env.APPDATA) return join(env.APPDATA, 'mcpx');
  return join(options.homedir ?? homedir(), '.config', 'mcpx');
}

/** Every path `discoverConfig` tries, in order (without `MCPX_CONFIG`). */
export function configSearchPaths(options: DiscoverOptions = {}): string[] {
  const cwd = resolve(options.cwd ?? process.cwd());
  const user = userConfigDir(options);
  return [...PROJECT_CONFIG_FILES.map((name) => join(cwd, name)), ...USER_CONFIG_FILES.map((name) => join(user, name))];
}

/**
 * Finds the config file: `$MCPX_CONFIG` when set (whether or not it exists, so that a wrong
 * value is reported rather than skipped), else the first file of `configSearchPaths` that
 * exists; undefined when there is none.
 */
export function discoverConfig(options: DiscoverOptions = {}): string | undefined {
  const explicit = (options.env ?? process.env).MCPX_CONFIG;
  if (explicit !== undefined && explicit !== '') return resolve(options.cwd ?? process.cwd(), explicit);
  return configSearchPaths(options).find((path) => existsSync(path) && statSync(path).isFile());
}
