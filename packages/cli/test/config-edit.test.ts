import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch, type Scratch } from './helpers.js';

beforeAll(requireBuild);
let dir: Scratch;
afterEach(() => dir?.[Symbol.dispose]());

const JSONC = `{
  // servers of this project
  "mcpServers": {
    "files": { "command": "node", "args": ["files.js"] } // the file server
  }
}
`;

describe('mcpx config add, list and remove', () => {
  it('edit the discovered JSON config in place, comments kept, and list it without connecting', async () => {
    dir = scratch('config-edit');
    dir.write('mcp.json', JSONC);
    const added = await mcpx(
      ['config', 'add', 'memory', '--env', 'MEMORY_FILE=/tmp/m.json', '--', 'npx', '-y', '@modelcontextprotocol/server-memory'],
      { dir },
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('memory: added to mcp.json');
    const text = readFileSync(join(dir.path, 'mcp.json'), 'utf8');
    expect(text).toContain('// servers of this project');
    expect(text).toContain('"files": { "command": "node", "args": ["files.js"] }, // the file server\n    "memory": {');

    const listed = await mcpx(['config', 'list', '--json'], { dir });
    expect(json<{ servers: Array<{ name: string; transport: string; target: string }> }>(listed).servers).toEqual([
      expect.objectContaining({ name: 'files', transport: 'stdio', target: 'node files.js' }),
      expect.objectContaining({ name: 'memory', transport: 'stdio', target: 'npx -y @modelcontextprotocol/server-memory' }),
    ]);

    const removed = await mcpx(['config', 'remove', 'memory'], { dir });
    expect(removed.code).toBe(0);
    expect(readFileSync(join(dir.path, 'mcp.json'), 'utf8')).toBe(JSONC);
  });

  it('refuse a duplicate without --force, an unknown name with a suggestion, and a change that breaks the config', async () => {
    dir = scratch('config-edit');
    dir.write('mcp.json', JSONC);
    const duplicate = await mcpx(['config', 'add', 'files', '--', 'node', 'other.js'], { dir });
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('mcp.json has a server "files" already');
    const unknown = await mcpx(['config', 'remove', 'flies'], { dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('mcp.json has no server "flies"; did you mean "files"?');
    const broken = await mcpx(['config', 'add', 'remote', '--url', 'ftp://127.0.0.1/mcp'], { dir });
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('mcp.json, server "remote", field "url": the scheme ftp: is not one mcpx connects to');
    expect(readFileSync(join(dir.path, 'mcp.json'), 'utf8')).toBe(JSONC);
    const replaced = await mcpx(['config', 'add', 'files', '--force', '--', 'node', 'other.js'], { dir });
    expect(replaced.code).toBe(0);
    expect(readFileSync(join(dir.path, 'mcp.json'), 'utf8')).toContain('"other.js"');
  });

  it('create ./mcp_servers.json when there is no config, and edit TOML keeping its comments', async () => {
    dir = scratch('config-edit');
    const created = await mcpx(
      ['config', 'add', 'remote', '--url', 'http://127.0.0.1:9/mcp', '--header', 'Authorization: Bearer ${TOKEN}'],
      { dir },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir.path, 'mcp_servers.json'), 'utf8'))).toEqual({
      mcpServers: { remote: { type: 'http', url: 'http://127.0.0.1:9/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } } },
    });

    dir.write('servers.toml', '# mine\n[alpha]\ncommand = "node" # the first\nargs = ["a.js"]\n');
    expect((await mcpx(['config', 'add', 'beta', '-c', 'servers.toml', '--', 'node', 'b.js'], { dir })).code).toBe(0);
    expect((await mcpx(['config', 'remove', 'alpha', '-c', 'servers.toml'], { dir })).code).toBe(0);
    expect(readFileSync(join(dir.path, 'servers.toml'), 'utf8')).toBe('# mine\n\n[beta]\ncommand = "node"\nargs = ["b.js"]\n');
  });

  it.skipIf(process.platform === 'win32')('keep a symlinked config a link, and its permissions', async () => {
    dir = scratch('config-edit');
    mkdirSync(join(dir.path, 'dotfiles'));
    const real = dir.write('dotfiles/mcp.json', JSONC);
    chmodSync(real, 0o600);
    symlinkSync(real, join(dir.path, 'mcp.json'));
    expect((await mcpx(['config', 'add', 'memory', '--', 'node', 'm.js'], { dir })).code).toBe(0);
    expect(lstatSync(join(dir.path, 'mcp.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('"memory"');
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it("name a remote server's transport in JSON files, as Claude Code's .mcp.json and VS Code require", async () => {
    dir = scratch('config-edit');
    dir.write('.mcp.json', '{ "mcpServers": {} }\n');
    expect((await mcpx(['config', 'add', 'remote', '--url', 'http://127.0.0.1:9/mcp'], { dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir.path, '.mcp.json'), 'utf8')).mcpServers.remote).toEqual({
      type: 'http',
      url: 'http://127.0.0.1:9/mcp',
    });
    mkdirSync(join(dir.path, '.vscode'));
    dir.write('.vscode/mcp.json', '{ "servers": {} }\n');
    expect((await mcpx(['config', 'add', 'local', '-c', '.vscode/mcp.json', '--', 'node', 'l.js'], { dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir.path, '.vscode/mcp.json'), 'utf8')).servers.local).toEqual({
      type: 'stdio',
      command: 'node',
      args: ['l.js'],
    });
  });
});
