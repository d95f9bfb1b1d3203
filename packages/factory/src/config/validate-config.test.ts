import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate-config.js';
import { options, problemsOf } from '../../test/helpers/validate.js';

describe('validateConfig: the mcpServers layout', () => {
  it('reads a stdio server with its defaults', () => {
    const config = validateConfig(
      { mcpServers: { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } } },
      options,
    );
    expect(config).toEqual({
      file: 'mcp_servers.json',
      servers: [
        {
          name: 'everything',
          transport: 'stdio',
          enabled: true,
          tags: [],
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-everything'],
          env: {},
        },
      ],
    });
  });

  it('reads proxy on a stdio server that relays to a remote one, and refuses it on a remote server', () => {
    const config = validateConfig(
      { mcpServers: { remote: { command: 'npx', args: ['mcp-remote', 'https://example.com/mcp'], proxy: true } } },
      options,
    );
    expect(config.servers[0]).toMatchObject({ transport: 'stdio', proxy: true });
    expect(problemsOf({ mcpServers: { web: { url: 'https://example.com/mcp', proxy: true } } })).toEqual([
      expect.objectContaining({ server: 'web', field: 'proxy' }),
    ]);
  });

  it('reads processGroup on a stdio server, and refuses it on a remote server or when not a boolean', () => {
    const config = validateConfig({ mcpServers: { local: { command: 'server', processGroup: false } } }, options);
    expect(config.servers[0]).toMatchObject({ transport: 'stdio', processGroup: false });
    expect(problemsOf({ mcpServers: { web: { url: 'https://example.com/mcp', processGroup: false } } })).toEqual([
      expect.objectContaining({ server: 'web', field: 'processGroup' }),
    ]);
    expect(problemsOf({ mcpServers: { local: { command: 'server', processGroup: 'no' } } })).toEqual([
      expect.objectContaining({ server: 'local', field: 'processGroup' }),
    ]);
  });

  it('infers the transport: command is stdio, http(s) is Streamable HTTP with SSE fallback, ws(s) is WebSocket, grpc(s) is gRPC', () => {
    const config = validateConfig(
      {
        mcpServers: {
          local: { command: 'server' },
          remote: { url: 'https://example.com/mcp' },
          socket: { url: 'wss://example.com/mcp' },
          rpc: { url: 'grpcs://example.com:8443' },
        },
      },
      options,
    );
    expect(config.servers.map((server) => [server.name, server.transport])).toEqual([
      ['local', 'stdio'],
      ['remote', 'http'],
      ['socket', 'websocket'],
      ['rpc', 'grpc'],
    ]);
    expect(config.servers[1]).toMatchObject({ url: 'https://example.com/mcp', headers: {}, sseFallback: true });
  });

  it("follows a declared type in every host's spelling", () => {
    const types = { a: 'http', b: 'streamable-http', c: 'streamableHttp', d: 'sse', e: 'ws', f: 'websocket' };
    const servers = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type, url: 'http://127.0.0.1:1/mcp' }]));
    expect(validateConfig({ mcpServers: servers }, options).servers.map((server) => server.transport)).toEqual([
      'http',
      'http',
      'http',
      'sse',
      'websocket',
      'websocket',
    ]);
  });

  it('reads every mcpx option', () => {
    const config = validateConfig(
      {
        mcpServers: {
          github: {
            url: 'https://api.example.com/mcp',
            headers: { Authorization: 'Bearer ${API_TOKEN}' },
            sseFallback: false,
            enabled: false,
            connectTimeoutMs: 5000,
            requestTimeoutMs: 20000,
            reconnect: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2000 },
            health: {
              intervalMs: 15000,
              degradedIntervalMs: 1000,
              timeoutMs: 2000,
              degradedLatencyMs: 500,
              failureThreshold: 2,
              jitter: 0.2,
            },
            toolPrefix: 'gh_',
            tags: ['code', 'remote'],
            era: 'legacy',
            protocolVersion: '2025-06-18',
          },
        },
      },
      options,
    );
    expect(config.servers[0]).toEqual({
      name: 'github',
      transport: 'http',
      url: 'https://api.example.com/mcp',
      headers: { Authorization: 'Bearer secret' },
      sseFallback: false,
      enabled: false,
      connectTimeoutMs: 5000,
      requestTimeoutMs: 20000,
      reconnect: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2000 },
      health: { intervalMs: 15000, degradedIntervalMs: 1000, timeoutMs: 2000, degradedLatencyMs: 500, failureThreshold: 2, jitter: 0.2 },
      toolPrefix: 'gh_',
      tags: ['code', 'remote'],
      era: 'legacy',
      protocolVersion: '2025-06-18',
    });
  });

  it('accepts snake_case spellings of every key', () => {
    const config = validateConfig(
      { mcpServers: { s: { command: 'x', tool_prefix: 'p_', request_timeout_ms: 100, reconnect: { max_attempts: 1 } } } },
      options,
    );
    expect(config.servers[0]).toMatchObject({ toolPrefix: 'p_', requestTimeoutMs: 100, reconnect: { maxAttempts: 1 } });
  });

  it('turns reconnection and health checks off with false, and keeps the defaults with true', () => {
    const config = validateConfig(
      { mcpServers: { off: { command: 'x', reconnect: false, health: false }, on: { command: 'x', reconnect: true, health: true } } },
      options,
    );
    expect(config.servers[0]).toMatchObject({ reconnect: false, health: false });
    expect(config.servers[1]).toMatchObject({ reconnect: {}, health: {} });
  });

  it("honours Cline's disabled, timeout (seconds), autoApprove and disabledTools", () => {
    const config = validateConfig(
      { mcpServers: { s: { command: 'x', disabled: true, timeout: 90, autoApprove: ['echo'], disabledTools: ['rm'] } } },
      options,
    );
    expect(config.servers[0]).toMatchObject({ enabled: false, requestTimeoutMs: 90_000, autoApprove: ['echo'], disabledTools: ['rm'] });
  });

  it("reads Gemini CLI's includeTools and excludeTools, and Roo Code's alwaysAllow", () => {
    const config = validateConfig(
      { mcpServers: { s: { command: 'x', includeTools: ['echo', 'add'], excludeTools: ['add'], alwaysAllow: ['echo'] } } },
      options,
    );
    expect(config.servers[0]).toMatchObject({ includeTools: ['echo', 'add'], disabledTools: ['add'], autoApprove: ['echo'] });
  });

  it('reports a tool list that is not a list of names', () => {
    const problems = problemsOf({ mcpServers: { s: { command: 'x', disabledTools: 'echo', includeTools: [''] } } });
    expect(problems.map((problem) => problem.field)).toEqual(['disabledTools', 'includeTools']);
  });

  it('leaves the settings of the host application beside mcpServers alone', () => {
    expect(validateConfig({ globalShortcut: 'Ctrl+Space', mcpServers: {} }, options).servers).toEqual([]);
  });
});

describe("validateConfig: VS Code's servers layout", () => {
  it('reads servers with their type, ignores inputs, and knows ${workspaceFolder} and ${userHome}', () => {
    const config = validateConfig(
      {
        inputs: [{ type: 'promptString', id: 'token' }],
        servers: {
          files: { type: 'stdio', command: 'node', args: ['${workspaceFolder}/server.js', '${userHome}/data'] },
          api: { type: 'http', url: 'https://${HOST}/mcp' },
        },
      },
      { ...options, file: '/repo/.vscode/mcp.json' },
    );
    expect(config.servers).toMatchObject([
      { name: 'files', transport: 'stdio', args: ['/repo/server.js', '/home/ada/data'] },
      { name: 'api', transport: 'http', url: 'https://example.com/mcp' },
    ]);
  });
});

describe("validateConfig: Cursor's .cursor/mcp.json", () => {
  it('takes ${workspaceFolder} as the project folder, above .cursor', () => {
    const config = validateConfig(
      { mcpServers: { files: { command: 'node', args: ['${workspaceFolder}/server.js'] } } },
      { ...options, file: '/repo/.cursor/mcp.json' },
    );
    expect(config.servers).toMatchObject([{ name: 'files', args: ['/repo/server.js'] }]);
  });
});
