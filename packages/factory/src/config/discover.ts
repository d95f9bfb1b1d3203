import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { checkOptions } from '@mcpx/core/internal';
import { DISCOVER_OPTION_KEYS } from '../option-keys.js';
import type { Env } from './types.js';

/** Where to look for a config file. */
export interface DiscoverOptions {
  /** The folder searched first. @default process.cwd() */
  cwd?: string | undefined;
  /** For `MCPX_CONFIG`, `XDG_CONFIG_HOME` and `APPDATA`. @default process.env */
  env?: Env | undefined;
  /** The home folder. @default os.homedir() */
  homedir?: string | undefined;
  /** Decides where the user's config folders are: `APPDATA` (Windows), `~/Library` (macOS) or `~/.config`. @default process.platform */
  platform?: NodeJS.Platform | undefined;
}

/**
 * The names tried in the current folder, in order: mcpx's own names, Claude Code's
 * `.mcp.json`, TOML, then the files of editors, Cursor's `.cursor/mcp.json` and VS Code's
 * `.vscode/mcp.json`.
 */
export const PROJECT_CONFIG_FILES: readonly string[] = [
  'mcp_servers.json',
  'mcp.json',
  '.mcp.json',
  'mcp_servers.toml',
  join('.cursor', 'mcp.json'),
  join('.vscode', 'mcp.json'),
];

/** The names tried in the user's mcpx config folder, in order. */
export const USER_CONFIG_FILES: readonly string[] = ['mcp_servers.json', 'mcp_servers.toml'];

/**
 * The user's mcpx config folder: `$XDG_CONFIG_HOME/mcpx` when that is set to an absolute
 * path, else `%APPDATA%\mcpx` on Windows, else `~/.config/mcpx`.
 */
export function userConfigDir(options: DiscoverOptions = {}): string {
  checkOptions(options, DISCOVER_OPTION_KEYS, { where: 'userConfigDir(options)' });
  const env = options.env ?? process.env;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'mcpx');
  if ((options.platform ?? process.platform) === 'win32' && env.APPDATA) return join(env.APPDATA, 'mcpx');
  return join(options.homedir ?? homedir(), '.config', 'mcpx');
}

/**
 * Claude Desktop's config file: `~/Library/Application Support/Claude/` on macOS,
 * `%APPDATA%\Claude\` on Windows, `$XDG_CONFIG_HOME/Claude/` (else `~/.config/Claude/`)
 * elsewhere, each with `claude_desktop_config.json`.
 */
export function claudeDesktopConfigPath(options: DiscoverOptions = {}): string {
  const env = options.env ?? process.env;
  const home = options.homedir ?? homedir();
  const platform = options.platform ?? process.platform;
  const name = join('Claude', 'claude_desktop_config.json');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name);
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config'), name);
}

/**
 * Every path `discoverConfig` tries, in order (without `MCPX_CONFIG`): the project's files
 * (`PROJECT_CONFIG_FILES` in `cwd`), then the user's, mcpx's own folder first, then Cursor's
 * `~/.cursor/mcp.json`, then Claude Desktop's config file.
 */
export function configSearchPaths(options: DiscoverOptions = {}): string[] {
  checkOptions(options, DISCOVER_OPTION_KEYS, { where: 'configSearchPaths(options)' });
  const cwd = resolve(options.cwd ?? process.cwd());
  const user = userConfigDir(options);
  return [
    ...PROJECT_CONFIG_FILES.map((name) => join(cwd, name)),
    ...USER_CONFIG_FILES.map((name) => join(user, name)),
    join(options.homedir ?? homedir(), '.cursor', 'mcp.json'),
    claudeDesktopConfigPath(options),
  ];
}

/**
 * Finds the config file: `$MCPX_CONFIG` when set (whether or not it exists, so that a wrong
 * value is reported rather than skipped), else the first file of `configSearchPaths` that
 * exists; undefined when there is none.
 */
export function discoverConfig(options: DiscoverOptions = {}): string | undefined {
  checkOptions(options, DISCOVER_OPTION_KEYS, { where: 'discoverConfig(options)' });
  const explicit = (options.env ?? process.env).MCPX_CONFIG;
  if (explicit !== undefined && explicit !== '') return resolve(options.cwd ?? process.cwd(), explicit);
  return configSearchPaths(options).find((path) => existsSync(path) && statSync(path).isFile());
}
