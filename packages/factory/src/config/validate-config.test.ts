import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import type { ConfigProblem } from './problem.js';
import { validateConfig, type ValidateConfigOptions } from './validate-config.js';

const options: ValidateConfigOptions = {
  file: 'mcp_servers.json',
  env: { API_TOKEN: 'secret', HOST: 'example.com' },
  cwd: '/work',
  homedir: '/home/ada',
};

function problemsOf(input: unknown, extra: ValidateConfigOptions = {}): Omit<ConfigProblem, 'file'>[] {
  try {
    validateConfig(input, { ...options, ...extra });
  } catch (error) {
    if (!ConfigValidationError.isInstance(error)) throw error;
    return error.problems.map(({ server, field, message, fix }) => ({ server, field, message, fix }));
  }
  throw new Error('the config was accepted');
}

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

  it('infers the transport: command is stdio, http(s) is Streamable HTTP with SSE fallback, ws(s) is WebSocket', () => {
    const config = validateConfig(
      {
        mcpServers: {
          local: { command: 'server' },
          remote: { url: 'https://example.com/mcp' },
          socket: { url: 'wss://example.com/mcp' },
        },
      },
      options,
    );
    expect(config.servers.map((server) => [server.name, server.transport])).toEqual([
      ['local', 'stdio'],
      ['remote', 'http'],
      ['socket', 'websocket'],
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

describe('validateConfig: interpolation', () => {
  it("expands variables in every string, as seed 004's Bearer ${API_TOKEN}", () => {
    const config = validateConfig(
      {
        mcpServers: {
          s: {
            command: '${HOST}-server',
            args: ['--host=${HOST}'],
            env: { TOKEN: '${API_TOKEN}', PLAIN: 'x' },
            tags: ['${MISSING:-none}'],
          },
        },
      },
      options,
    );
    expect(config.servers[0]).toMatchObject({
      command: 'example.com-server',
      args: ['--host=example.com'],
      env: { TOKEN: 'secret', PLAIN: 'x' },
      tags: ['none'],
    });
  });

  it('reports a missing variable without a default with its file, server and field', () => {
    expect(
      problemsOf({ mcpServers: { api: { url: 'https://example.com/mcp', headers: { Authorization: 'Bearer ${GITHUB_TOKEN}' } } } }),
    ).toEqual([
      {
        server: 'api',
        field: 'headers.Authorization',
        message: '${GITHUB_TOKEN} is not set',
        fix: 'set GITHUB_TOKEN in the environment, or give a default: ${GITHUB_TOKEN:-value}',
      },
    ]);
  });

  it('names the file in the error message with the server and field', () => {
    const error: unknown = (() => {
      try {
        return validateConfig({ mcpServers: { api: { command: 'x', args: ['${NOPE}'] } } }, options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'mcp_servers.json has 1 problem:\n  1. mcp_servers.json, server "api", field "args[0]": ${NOPE} is not set; fix: set NOPE in the environment, or give a default: ${NOPE:-value}',
    );
  });

  it('accepts a disabled server whose variables are not set (they only matter when it is used)', () => {
    const config = validateConfig({ mcpServers: { later: { enabled: false, url: 'https://${UNSET_HOST}/mcp' } } }, options);
    expect(config.servers[0]).toMatchObject({ name: 'later', enabled: false, transport: 'http', url: 'https://${UNSET_HOST}/mcp' });
  });

  it('still reports the structural mistakes of a disabled server', () => {
    expect(problemsOf({ mcpServers: { later: { enabled: false, command: 'x', args: 'y' } } })).toEqual([
      {
        server: 'later',
        field: 'args',
        message: 'must be a list of strings, got the string "y"',
        fix: 'write a list such as ["--port", "8080"]',
      },
    ]);
  });
});

describe('validateConfig: problems', () => {
  it('reports all ten mistakes of one config at once, each with its server, field and fix', () => {
    const problems = problemsOf({
      mcpServers: {
        typo: { comand: 'npx' },
        both: { command: 'npx', url: 'https://example.com/mcp' },
        none: {},
        args: { command: 'npx', args: ['-y', 8080] },
        url: { url: 'not a url' },
        timeout: { command: 'npx', requestTimeoutMs: '30s' },
        era: { command: 'npx', era: 'future' },
        env: { command: 'npx', env: { DEBUG: true } },
        token: { url: 'https://example.com/mcp', headers: { Authorization: 'Bearer ${MISSING_TOKEN}' } },
        prefix: { command: 'npx', toolPrefix: 'has space' },
      },
    });
    expect(problems.map((problem) => [problem.server, problem.field])).toEqual([
      ['typo', 'comand'],
      ['both', undefined],
      ['none', undefined],
      ['args', 'args[1]'],
      ['url', 'url'],
      ['timeout', 'requestTimeoutMs'],
      ['era', 'era'],
      ['env', 'env.DEBUG'],
      ['token', 'headers.Authorization'],
      ['prefix', 'toolPrefix'],
    ]);
    expect(problems[0]).toEqual({ server: 'typo', field: 'comand', message: 'unknown key "comand"', fix: 'did you mean "command"?' });
    expect(problems[3]?.fix).toBe('write it in quotes: "8080"');
    expect(problems[7]?.fix).toBe('write it in quotes: "true"');
    for (const problem of problems) expect(problem.fix).not.toBe('');
  });

  it('suggests the nearest known key for a typo, or lists the known keys', () => {
    expect(problemsOf({ mcpServers: { s: { command: 'x', headrs: {}, toolprefix: 'p', somethingElse: 1 } } }).map((p) => p.fix)).toEqual([
      'did you mean "headers"?',
      'did you mean "toolPrefix"?',
      expect.stringMatching(/^remove it; the known keys are type, command, args/),
    ]);
  });

  it('refuses a health jitter outside 0 to 1, or not a number, with its path', () => {
    expect(
      problemsOf({ mcpServers: { s: { command: 'x', health: { jitter: 1.5 } }, t: { command: 'x', health: { jitter: '0.5' } } } }),
    ).toEqual([
      {
        server: 's',
        field: 'health.jitter',
        message: 'must be a number from 0 to 1, got the number 1.5',
        fix: 'write a share such as 0.5, without quotes',
      },
      {
        server: 't',
        field: 'health.jitter',
        message: expect.stringMatching(/^must be a number from 0 to 1, got /),
        fix: 'write a share such as 0.5, without quotes',
      },
    ]);
  });

  it('reports unknown keys inside the reconnect and health tables with their path', () => {
    expect(problemsOf({ mcpServers: { s: { command: 'x', reconnect: { maxAttempt: 3 }, health: { period: 5 } } } })).toEqual([
      { server: 's', field: 'reconnect.maxAttempt', message: 'unknown key "maxAttempt"', fix: 'did you mean "maxAttempts"?' },
      { server: 's', field: 'health.period', message: 'unknown key "period"', fix: expect.stringMatching(/^remove it/) },
    ]);
  });

  it('reports a key given under two spellings', () => {
    expect(problemsOf({ mcpServers: { s: { command: 'x', toolPrefix: 'a', tool_prefix: 'b' } } })).toEqual([
      { server: 's', field: 'tool_prefix', message: '"tool_prefix" and "toolPrefix" both set toolPrefix', fix: 'keep one of them' },
    ]);
  });

  it('explains what belongs to which transport', () => {
    expect(
      problemsOf({ mcpServers: { remote: { url: 'https://example.com/mcp', env: { A: 'b' } }, local: { command: 'x', headers: {} } } }),
    ).toEqual([
      {
        server: 'remote',
        field: 'env',
        message: 'does not apply to a Streamable HTTP server',
        fix: expect.stringContaining('send HTTP headers with "headers"'),
      },
      { server: 'local', field: 'headers', message: 'does not apply to a stdio server', fix: expect.stringContaining('remove it') },
    ]);
  });

  it('rejects URLs with a scheme mcpx cannot use, or credentials in them', () => {
    expect(
      problemsOf({
        mcpServers: { f: { url: 'ftp://example.com' }, s: { type: 'sse', url: 'ws://x/' }, c: { url: 'https://user:pw@example.com/mcp' } },
      }).map((p) => [p.server, p.field]),
    ).toEqual([
      ['f', 'url'],
      ['s', 'url'],
      ['c', 'url'],
    ]);
  });

  it("points out seed 004's URL in command and headers in env", () => {
    const problems = problemsOf({
      mcpServers: {
        api: { command: 'http://api.example.com/mcp', enabled: true, transport: 'sse', env: { Authorization: 'Bearer ${API_TOKEN}' } },
      },
    });
    expect(problems).toEqual([
      {
        server: 'api',
        field: 'command',
        message: '"http://api.example.com/mcp" is a URL, not a program to start',
        fix: 'write it as "url": "http://api.example.com/mcp"',
      },
      { server: 'api', field: 'env', message: 'does not apply to a SSE server', fix: expect.stringContaining('"headers"') },
    ]);
  });

  it('rejects a protocol version mcpx does not speak, or one that contradicts the era', () => {
    expect(
      problemsOf({
        mcpServers: {
          a: { command: 'x', protocolVersion: '2099-01-01' },
          b: { command: 'x', era: 'modern', protocolVersion: '2025-06-18' },
        },
      }).map((p) => p.message),
    ).toEqual(['"2099-01-01" is not a protocol revision mcpx speaks', '2025-06-18 is a legacy revision but "era" is "modern"']);
  });

  it('reports a config without servers, a misspelt servers key, and two servers keys', () => {
    expect(problemsOf({})).toEqual([
      { server: undefined, field: undefined, message: 'has no "mcpServers" or "servers" key', fix: expect.any(String) },
    ]);
    expect(problemsOf({ mcpServer: {} })).toEqual([
      { server: undefined, field: 'mcpServer', message: 'unknown key "mcpServer"', fix: 'did you mean "mcpServers"?' },
    ]);
    expect(problemsOf({ mcpServers: {}, servers: {} })[0]?.message).toBe('has both "mcpServers" and "servers"');
    expect(problemsOf([])[0]?.message).toBe('must be an object, got an array');
    expect(problemsOf({ mcpServers: { s: 'npx server' } })[0]).toMatchObject({
      server: 's',
      field: undefined,
      message: 'must be a table of settings, got the string "npx server"',
    });
  });
});

describe('validateConfig: names that are also Object.prototype properties', () => {
  it('treats constructor and toString as unknown keys, types and unset variables', () => {
    expect(
      problemsOf({
        mcpServers: {
          s: { command: 'x', constructor: 1, args: ['${toString}'] },
          t: { type: 'constructor', url: 'https://example.com/mcp' },
        },
      }).map((p) => [p.server, p.field, p.message]),
    ).toEqual([
      ['s', 'constructor', 'unknown key "constructor"'],
      ['s', 'args[0]', '${toString} is not set'],
      ['t', 'type', '"constructor" is not a transport'],
    ]);
  });
});
