import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '@mcpx/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { ConfigNotFoundError } from '../errors/config-not-found-error.js';
import { loadConfig } from './load-config.js';

let root: string;
let home: string;

function write(relative: string, text: string): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<ConfigValidationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ConfigValidationError.isInstance(error)) throw new Error(`expected a ConfigValidationError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mcpx-load-'));
  home = join(root, 'home');
  mkdirSync(home);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('reads the mcpServers JSON of Claude Desktop and Cursor, naming the file relative to the current folder', async () => {
    write(
      'mcp_servers.json',
      JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', 'server-filesystem', '.'], env: { TOKEN: '${TOKEN}' } } } }),
    );
    const config = await loadConfig({ cwd: root, env: { TOKEN: 't' }, homedir: home });
    expect(config).toEqual({
      file: 'mcp_servers.json',
      servers: [
        {
          name: 'fs',
          transport: 'stdio',
          enabled: true,
          tags: [],
          command: 'npx',
          args: ['-y', 'server-filesystem', '.'],
          env: { TOKEN: 't' },
        },
      ],
    });
  });

  it("reads VS Code's .vscode/mcp.json with its comments and trailing commas", async () => {
    write(
      '.vscode/mcp.json',
      `{
        // Servers of this workspace
        "inputs": [],
        "servers": {
          "everything": { "type": "stdio", "command": "npx", "args": ["\${workspaceFolder}/x",], },
          /* a remote one */
          "remote": { "type": "http", "url": "https://example.com/mcp" },
        },
      }`,
    );
    const config = await loadConfig({ cwd: root, env: {}, homedir: home });
    expect(config.file).toBe(join('.vscode', 'mcp.json'));
    expect(config.servers).toMatchObject([
      { name: 'everything', transport: 'stdio', args: [`${root}/x`] },
      { name: 'remote', transport: 'http' },
    ]);
  });

  it("reads seed 002's table-per-server TOML verbatim, seconds and flat reconnect keys included", async () => {
    write(
      'mcp_servers.toml',
      `[rag-redis]
enabled = true
transport = "stdio"
command = "rag-redis-server"
args = ["--config", "config/rag_redis.toml"]
auto_reconnect = true
max_reconnect_attempts = 5
reconnect_delay = 1.0
connection_timeout = 10.0
request_timeout = 30.0
health_check_interval = 60.0

[memory]
enabled = false
command = "npx"
args = ["-y", "@modelcontextprotocol/server-memory"]
auto_reconnect = false

[http-example]
enabled = false
url = "https://example.com/mcp"
headers = { Authorization = "Bearer \${API_TOKEN:-none}" }
tags = ["remote"]
`,
    );
    const config = await loadConfig({ cwd: root, env: {}, homedir: home });
    expect(config.file).toBe('mcp_servers.toml');
    expect(config.servers).toEqual([
      {
        name: 'rag-redis',
        transport: 'stdio',
        enabled: true,
        tags: [],
        command: 'rag-redis-server',
        args: ['--config', 'config/rag_redis.toml'],
        env: {},
        connectTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        reconnect: { maxAttempts: 5, initialDelayMs: 1000 },
        health: { intervalMs: 60_000 },
      },
      {
        name: 'memory',
        transport: 'stdio',
        enabled: false,
        tags: [],
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-memory'],
        env: {},
        reconnect: false,
      },
      {
        name: 'http-example',
        transport: 'http',
        enabled: false,
        tags: ['remote'],
        url: 'https://example.com/mcp',
        headers: { Authorization: 'Bearer none' },
        sseFallback: true,
      },
    ]);
  });

  it('reads TOML with the servers under [mcp_servers.<name>], as Codex writes them', async () => {
    write('servers.toml', '[mcp_servers.docs]\ncommand = "docs-server"\ntool_prefix = "docs"\nrequest_timeout_ms = 5000\n');
    const config = await loadConfig({ path: 'servers.toml', cwd: root, env: {}, homedir: home });
    expect(config.servers).toMatchObject([{ name: 'docs', command: 'docs-server', toolPrefix: 'docs', requestTimeoutMs: 5000 }]);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    write('mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}');
    const error = await failure(loadConfig({ cwd: root, env: {}, homedir: home }));
    expect(error.problems).toEqual([
      {
        file: 'mcp.json',
        server: undefined,
        field: undefined,
        message: expect.stringMatching(/^is not valid JSON at line 4, column 5: /),
        fix: 'fix the JSON syntax at line 4',
      },
    ]);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('reports a TOML syntax error with its line and column', async () => {
    write('mcp_servers.toml', '[a]\ncommand = "x"\nargs = [1,\n');
    const error = await failure(loadConfig({ cwd: root, env: {}, homedir: home }));
    expect(error.problems[0]?.message).toMatch(/^is not valid TOML at line \d+, column \d+: /);
  });

  it('reports an empty file, a missing explicit path and a TOML value that is not a server table', async () => {
    write('.mcp.json', '  \n');
    expect((await failure(loadConfig({ cwd: root, env: {}, homedir: home }))).problems[0]).toMatchObject({
      file: '.mcp.json',
      message: 'is empty',
    });
    expect((await failure(loadConfig({ path: 'nope.json', cwd: root }))).problems[0]).toMatchObject({
      file: 'nope.json',
      message: 'does not exist',
    });
    write('bad.toml', 'title = "servers"\n[ok]\ncommand = "x"\n');
    expect((await failure(loadConfig({ path: 'bad.toml', cwd: root }))).problems).toEqual([
      {
        file: 'bad.toml',
        server: 'title',
        field: undefined,
        message: 'a top-level key must be a server table, got the string "servers"',
        fix: "write it as [title] followed by the server's settings",
      },
    ]);
  });

  it('says where it looked when there is no config file', async () => {
    const error: unknown = await loadConfig({ cwd: root, env: { XDG_CONFIG_HOME: join(root, 'xdg') }, homedir: home }).catch(
      (caught: unknown) => caught,
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(ConfigNotFoundError.isInstance(error)).toBe(true);
    expect((error as ConfigNotFoundError).searched).toContain(join(root, 'mcp_servers.json'));
    expect((error as Error).message).toContain(join(root, 'mcp_servers.json'));
    expect((error as Error).message).toContain(join(root, 'xdg', 'mcpx', 'mcp_servers.toml'));
  });

  it('resolves cwd and envFile against the folder of the config file, config env winning', async () => {
    write('conf/tools/.keep', '');
    write('conf/server.env', 'A=from-file\nB=from-file\n');
    write(
      'conf/mcp.json',
      JSON.stringify({ mcpServers: { s: { command: 'x', cwd: 'tools', envFile: 'server.env', env: { B: 'from-config' } } } }),
    );
    const config = await loadConfig({ path: 'conf/mcp.json', cwd: root, env: {}, homedir: home });
    expect(config.servers[0]).toMatchObject({ cwd: join(root, 'conf', 'tools'), env: { A: 'from-file', B: 'from-config' } });
  });

  it('reports a missing envFile and cwd with the file, server and field', async () => {
    write('mcp.json', JSON.stringify({ mcpServers: { s: { command: 'x', cwd: 'missing-dir', envFile: 'missing.env' } } }));
    const error = await failure(loadConfig({ cwd: root, env: {}, homedir: home }));
    expect(error.problems.map((p) => [p.file, p.server, p.field])).toEqual([
      ['mcp.json', 's', 'envFile'],
      ['mcp.json', 's', 'cwd'],
    ]);
  });
});
