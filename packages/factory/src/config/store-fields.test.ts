import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { configProblems } from '../../test/helpers/validate.js';
import { validateConfig, type ValidateConfigOptions } from './validate-config.js';

const KEY = 'k'.repeat(44);
const options: ValidateConfigOptions = {
  file: 'mcpx.json',
  env: { REDIS_HOST: 'cache.internal', REDIS_PASSWORD: 's3cret', MCPX_TOKEN_KEY: KEY, SHORT: 'short' },
  cwd: '/work',
  homedir: '/home/ada',
};
const servers = { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } };

const problemsOf = (input: unknown, extra: ValidateConfigOptions = {}) => configProblems(input, { ...options, ...extra });

describe('validateConfig: the store', () => {
  it('has no store when the config has no "store" key', () => {
    expect(validateConfig({ mcpServers: servers }, options).store).toBeUndefined();
  });

  it('reads every key of the store, expanding ${VAR} in each', () => {
    const config = validateConfig(
      {
        mcpServers: servers,
        store: {
          redis: 'redis://:${REDIS_PASSWORD}@${REDIS_HOST}:6379/2',
          prefix: 'fleet-a:',
          fallback: 'memory',
          tokenKey: '${MCPX_TOKEN_KEY}',
          connectTimeoutMs: 2500,
        },
      },
      options,
    );
    expect(config.store).toEqual({
      redis: 'redis://:s3cret@cache.internal:6379/2',
      prefix: 'fleet-a:',
      fallback: 'memory',
      tokenKey: KEY,
      connectTimeoutMs: 2500,
    });
  });

  it('defaults to no fallback, and leaves the prefix and the token key to the stores', () => {
    expect(validateConfig({ mcpServers: servers, store: { redis: 'rediss://${REDIS_HOST}:6380' } }, options).store).toEqual({
      redis: 'rediss://cache.internal:6380',
      fallback: 'none',
    });
  });

  it('accepts snake_case spellings, as TOML files write them', () => {
    const store = validateConfig(
      { mcpServers: servers, store: { redis: 'redis://h:6379', token_key: KEY, connect_timeout_ms: 100 } },
      options,
    ).store;
    expect(store).toEqual({ redis: 'redis://h:6379', fallback: 'none', tokenKey: KEY, connectTimeoutMs: 100 });
  });

  it('reads [store] beside [mcp_servers.*] in TOML, and as a table of its own in the table-per-server layout', () => {
    const codex = parseToml('[store]\nredis = "redis://h:6379"\n\n[mcp_servers.everything]\ncommand = "npx"\n');
    expect(validateConfig(codex, { ...options, format: 'toml' }).store?.redis).toBe('redis://h:6379');
    const tables = parseToml('[store]\nredis = "redis://h:6379"\n\n[everything]\ncommand = "npx"\n');
    const config = validateConfig(tables, { ...options, format: 'toml' });
    expect(config.store?.redis).toBe('redis://h:6379');
    expect(config.servers.map((server) => server.name)).toEqual(['everything']);
  });

  it('suggests the key meant by a typo inside the store, and a misspelt "store" itself', () => {
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379', fallbak: 'memory' } })).toEqual([
      { server: undefined, field: 'store.fallbak', message: 'unknown key "fallbak"', fix: 'did you mean "fallback"?' },
    ]);
    expect(problemsOf({ mcpServers: servers, stor: { redis: 'redis://h:6379' } })).toEqual([
      { server: undefined, field: 'stor', message: 'unknown key "stor"', fix: 'did you mean "store"?' },
    ]);
  });

  it('leaves a top-level key of the host application that is not close to "store" alone', () => {
    expect(validateConfig({ mcpServers: servers, storage: { path: '/x' } }, options).store).toBeUndefined();
  });

  it('leaves alone the keys of a host application one letter away from "store", such as score, story and stone', () => {
    for (const key of ['score', 'story', 'storm', 'stone', 'shore'])
      expect(validateConfig({ mcpServers: servers, [key]: { any: 1 } }, options).servers).toHaveLength(1);
  });

  it('reports "stores" and "Store" as a misspelt "store"', () => {
    expect(problemsOf({ mcpServers: servers, stores: { redis: 'redis://h:6379' } })[0]?.fix).toBe('did you mean "store"?');
    expect(problemsOf({ mcpServers: servers, Store: { redis: 'redis://h:6379' } })[0]?.fix).toBe('did you mean "store"?');
  });

  it('reports a URL whose scheme is not redis: or rediss:, without its password', () => {
    expect(problemsOf({ mcpServers: servers, store: { redis: 'http://:${REDIS_PASSWORD}@${REDIS_HOST}:6379' } })).toEqual([
      {
        server: undefined,
        field: 'store.redis',
        message: '"http://:***@cache.internal:6379/" has the scheme "http:", not redis: or rediss:',
        fix: 'write redis://host:6379, or rediss://host:6380 for TLS',
      },
    ]);
  });

  it('reports a URL that does not parse, and one without a host', () => {
    expect(problemsOf({ mcpServers: servers, store: { redis: 'localhost:6379' } })[0]?.message).toBe(
      '"localhost:6379" has the scheme "localhost:", not redis: or rediss:',
    );
    expect(problemsOf({ mcpServers: servers, store: { redis: 'cache host' } })[0]?.message).toBe('is not a URL');
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://' } })[0]?.message).toBe('"redis://" has no host');
  });

  it('does not echo a URL that does not parse, which may hold a password', () => {
    const [problem] = problemsOf({ mcpServers: servers, store: { redis: 'redis://:ab/cd@cache host:6379' } });
    expect(problem?.message).toBe('is not a URL');
    expect(JSON.stringify(problem)).not.toContain('ab/cd');
  });

  it('accepts a database number from 0 to 15 as the path, and nothing else after the host', () => {
    for (const redis of ['redis://h:6379', 'redis://h:6379/', 'redis://h:6379/0', 'redis://h:6379/15'])
      expect(validateConfig({ mcpServers: servers, store: { redis } }, options).store?.redis).toBe(redis);
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://:pw@h:6379/x' } })).toEqual([
      {
        server: undefined,
        field: 'store.redis',
        message: '"redis://:***@h:6379/x" has "/x" after its host, which is not a database number',
        fix: 'end the URL at the port, or with a database number from 0 to 15: redis://host:6379/2',
      },
    ]);
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379/16' } })).toHaveLength(1);
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379?db=2' } })).toHaveLength(1);
  });

  it('reports an unset variable in the URL or the token key, naming it, whether or not any server is enabled', () => {
    const disabled = { everything: { ...servers.everything, disabled: true } };
    expect(problemsOf({ mcpServers: disabled, store: { redis: 'redis://${REDIS_HOSTNAME}:6379', tokenKey: '${TOKEN_KEY}' } })).toEqual([
      {
        server: undefined,
        field: 'store.redis',
        message: '${REDIS_HOSTNAME} is not set',
        fix: 'set REDIS_HOSTNAME in the environment, or give a default: ${REDIS_HOSTNAME:-value}',
      },
      {
        server: undefined,
        field: 'store.tokenKey',
        message: '${TOKEN_KEY} is not set',
        fix: 'set TOKEN_KEY in the environment, or give a default: ${TOKEN_KEY:-value}',
      },
    ]);
  });

  it('uses the default of ${VAR:-default} in the URL', () => {
    expect(validateConfig({ mcpServers: servers, store: { redis: 'redis://${NOPE:-127.0.0.1}:6379' } }, options).store?.redis).toBe(
      'redis://127.0.0.1:6379',
    );
  });

  it('reports a store without a URL, one that is not a table, a bad fallback and a short token key', () => {
    expect(problemsOf({ mcpServers: servers, store: { prefix: 'a:' } })).toEqual([
      {
        server: undefined,
        field: 'store',
        message: 'has no "redis" URL',
        fix: 'write "store": { "redis": "redis://${REDIS_HOST}:6379" }, or remove "store" to keep every process\'s state to itself',
      },
    ]);
    expect(problemsOf({ mcpServers: servers, store: 'redis://h:6379' })[0]).toMatchObject({
      field: 'store',
      message: 'must be a table, got the string "redis://h:6379"',
    });
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379', fallback: 'disk' } })[0]).toMatchObject({
      field: 'store.fallback',
      message: 'must be one of "none", "memory", got the string "disk"',
    });
    expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379', tokenKey: '${SHORT}' } })[0]).toMatchObject({
      field: 'store.tokenKey',
      message: 'is a passphrase of 5 characters, too short to protect tokens',
    });
  });

  it('takes a tokenKey of "base64:" or "hex:" and 32 bytes, and reports a malformed one', () => {
    const base64 = `base64:${Buffer.alloc(32, 7).toString('base64')}`;
    const hex = `hex:${'ab'.repeat(32)}`;
    for (const tokenKey of [base64, hex])
      expect(validateConfig({ mcpServers: servers, store: { redis: 'redis://h:6379', tokenKey } }, options).store?.tokenKey).toBe(tokenKey);
    for (const [tokenKey, message] of [
      [`base64:${'A'.repeat(40)}`, 'begins with "base64:" but what follows is not the base64 of 32 bytes'],
      [`hex:${'ab'.repeat(20)}`, 'begins with "hex:" but what follows is not 64 hex digits'],
    ])
      expect(problemsOf({ mcpServers: servers, store: { redis: 'redis://h:6379', tokenKey } })[0]).toMatchObject({
        field: 'store.tokenKey',
        message,
      });
  });

  it('reports the problems of the store together with those of the servers', () => {
    const problems = problemsOf({ mcpServers: { broken: { command: 5 } }, store: { redis: 'ftp://h' } });
    expect(problems.map((problem) => problem.field)).toEqual(['command', 'store.redis']);
  });
});
