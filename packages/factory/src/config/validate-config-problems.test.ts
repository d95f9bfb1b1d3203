import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../test/helpers/validate.js';

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
