import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claudeDesktopConfigPath, configSearchPaths, discoverConfig, userConfigDir } from './discover.js';

let root: string;
let project: string;
let home: string;

function touch(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '{ "mcpServers": {} }');
  return path;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mcpx-discover-'));
  project = join(root, 'project');
  home = join(root, 'home');
  mkdirSync(project);
  mkdirSync(home);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('discoverConfig', () => {
  it("tries the project's files in order, then the user's: mcpx's folder, Cursor's, Claude Desktop's", () => {
    const env = {};
    const options = { cwd: project, env, homedir: home, platform: 'linux' as const };
    const user = join(home, '.config', 'mcpx');
    expect(configSearchPaths(options)).toEqual([
      join(project, 'mcp_servers.json'),
      join(project, 'mcp.json'),
      join(project, '.mcp.json'),
      join(project, 'mcp_servers.toml'),
      join(project, '.cursor', 'mcp.json'),
      join(project, '.vscode', 'mcp.json'),
      join(user, 'mcp_servers.json'),
      join(user, 'mcp_servers.toml'),
      join(home, '.cursor', 'mcp.json'),
      join(home, '.config', 'Claude', 'claude_desktop_config.json'),
    ]);
    expect(discoverConfig(options)).toBeUndefined();
    // Each file found wins over those after it; remove them one by one from the front.
    const files = configSearchPaths(options).map(touch);
    for (const file of files) {
      expect(discoverConfig(options)).toBe(file);
      rmSync(file);
    }
    expect(discoverConfig(options)).toBeUndefined();
  });

  it("finds Cursor's project file before the home folder's files", () => {
    touch(join(home, '.cursor', 'mcp.json'));
    const cursor = touch(join(project, '.cursor', 'mcp.json'));
    expect(discoverConfig({ cwd: project, env: {}, homedir: home, platform: 'linux' })).toBe(cursor);
  });

  it("finds Claude Desktop's config file where each platform keeps it", () => {
    const appData = join(root, 'AppData', 'Roaming');
    const places = {
      darwin: join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json'),
      win32: join(appData, 'Claude', 'claude_desktop_config.json'),
      linux: join(home, '.config', 'Claude', 'claude_desktop_config.json'),
    } as const;
    for (const [platform, path] of Object.entries(places) as Array<[NodeJS.Platform, string]>) {
      const options = { cwd: project, env: { APPDATA: appData }, homedir: home, platform };
      expect(claudeDesktopConfigPath(options)).toBe(path);
      expect(discoverConfig(options)).toBeUndefined();
      touch(path);
      expect(discoverConfig(options)).toBe(path);
      rmSync(path);
    }
    expect(claudeDesktopConfigPath({ env: {}, homedir: home, platform: 'win32' })).toBe(
      join(home, 'AppData', 'Roaming', 'Claude', 'claude_desktop_config.json'),
    );
    expect(claudeDesktopConfigPath({ env: { XDG_CONFIG_HOME: join(root, 'xdg') }, homedir: home, platform: 'linux' })).toBe(
      join(root, 'xdg', 'Claude', 'claude_desktop_config.json'),
    );
  });

  it('prefers $XDG_CONFIG_HOME/mcpx to ~/.config/mcpx when it is an absolute path', () => {
    const xdg = join(root, 'xdg');
    const inXdg = touch(join(xdg, 'mcpx', 'mcp_servers.toml'));
    touch(join(home, '.config', 'mcpx', 'mcp_servers.json'));
    expect(discoverConfig({ cwd: project, env: { XDG_CONFIG_HOME: xdg }, homedir: home })).toBe(inXdg);
    expect(userConfigDir({ env: { XDG_CONFIG_HOME: 'relative/path' }, homedir: home, platform: 'linux' })).toBe(
      join(home, '.config', 'mcpx'),
    );
  });

  it('uses %APPDATA%\\mcpx on Windows', () => {
    expect(userConfigDir({ env: { APPDATA: join(root, 'AppData') }, homedir: home, platform: 'win32' })).toBe(
      join(root, 'AppData', 'mcpx'),
    );
    expect(userConfigDir({ env: { APPDATA: join(root, 'AppData') }, homedir: home, platform: 'darwin' })).toBe(
      join(home, '.config', 'mcpx'),
    );
  });

  it('takes $MCPX_CONFIG before everything, relative to the current folder, even when it does not exist', () => {
    touch(join(project, 'mcp_servers.json'));
    expect(discoverConfig({ cwd: project, env: { MCPX_CONFIG: 'conf/servers.toml' }, homedir: home })).toBe(
      join(project, 'conf', 'servers.toml'),
    );
  });

  it('skips a folder that has a config file name', () => {
    mkdirSync(join(project, 'mcp_servers.json'));
    const next = touch(join(project, 'mcp.json'));
    expect(discoverConfig({ cwd: project, env: {}, homedir: home })).toBe(next);
  });
});
