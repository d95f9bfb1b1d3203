import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginStoreKey, memoryTokenStore, type TokenStore } from '@mcpx/auth';
import { dualEraServerCommand } from '@mcpx/test-utils';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../src/exit-codes.js';
import { run } from '../src/run.js';

// @mcpx/redis is replaced by a module with its agreed entry points, whose stores are the
// in-memory ones of core and auth: these tests check which stores the commands open, use and
// close, not Redis (the factory's tests and @mcpx/redis's own cover the rest).
const redis = vi.hoisted(() => ({
  connected: [] as string[],
  closed: 0,
  cacheStores: 0,
  tokenStores: [] as unknown[],
  /** The one token store of every connection, as Redis would be: what a command saves, the next reads. */
  tokens: undefined as TokenStore | undefined,
}));

vi.mock('@mcpx/redis', async () => {
  const core = await import('@mcpx/core');
  const auth = await import('@mcpx/auth');
  return {
    connectRedis: async (url: string) => {
      if (url.includes('unreachable')) throw new Error('connect ECONNREFUSED');
      redis.connected.push(url);
      return {
        close: async () => {
          redis.closed++;
        },
      };
    },
    redisCacheStore: () => {
      redis.cacheStores++;
      return Object.assign(new core.LruCacheStore(), { close: () => Promise.resolve() });
    },
    redisEraStore: () => new core.EraCache(),
    redisTokenStore: (_client: unknown, options: unknown) => {
      redis.tokenStores.push(options);
      return (redis.tokens ??= auth.memoryTokenStore());
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'mcpx-cli-store-'));
const KEY = 'a-token-key-of-at-least-32-characters!!';
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  redis.connected.length = 0;
  redis.closed = 0;
  redis.cacheStores = 0;
  redis.tokenStores.length = 0;
  redis.tokens = undefined;
});

/** Runs mcpx in-process on a config holding `config`; resolves with its exit code and output. */
async function mcpxWith(args: string[], config: Record<string, unknown>): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  let stdout = '';
  let stderr = '';
  const code = await run([...args, '--config', file], {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    env: { HOME: dir, PATH: process.env.PATH, REDIS_HOST: 'cache.internal', MCPX_TOKEN_KEY: KEY },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const local = { command: dualEraServerCommand().command, args: dualEraServerCommand().args };

describe('mcpx with a store in its config', () => {
  it("lists tools with the store's cache, and closes the connection before it exits", async () => {
    const result = await mcpxWith(['tools', '--json'], { mcpServers: { local }, store: { redis: 'redis://${REDIS_HOST}:6379' } });
    expect(result.code).toBe(EXIT.ok);
    expect(redis.connected).toEqual(['redis://cache.internal:6379']);
    expect(redis.cacheStores).toBe(1);
    expect(redis.closed).toBe(1);
  });

  it('keeps logins on Redis for auth status when the store has a tokenKey, and closes the connection', async () => {
    const result = await mcpxWith(['auth', 'status', '--json'], {
      mcpServers: { docs: { url: 'http://127.0.0.1:9/mcp' } },
      store: { redis: 'redis://${REDIS_HOST}:6379', tokenKey: '${MCPX_TOKEN_KEY}' },
    });
    expect(result.code).toBe(EXIT.ok);
    expect(redis.tokenStores).toEqual([{ encryptionKey: KEY }]);
    expect(redis.closed).toBe(1);
  });

  it('reports the login kept on Redis in auth status, and logout deletes it there', async () => {
    const url = 'http://127.0.0.1:9/mcp';
    redis.tokens = memoryTokenStore();
    await redis.tokens.set(loginStoreKey(url), {
      serverUrl: url,
      issuer: 'https://as.example',
      client: { clientId: 'mcpx-test' },
      tokens: { accessToken: 'at', tokenType: 'Bearer' },
      endpoints: { token: 'https://as.example/token' },
      savedAt: Date.now(),
    });
    const config = { mcpServers: { docs: { url } }, store: { redis: 'redis://${REDIS_HOST}:6379', tokenKey: '${MCPX_TOKEN_KEY}' } };
    const status = await mcpxWith(['auth', 'status', '--json'], config);
    expect(status.code).toBe(EXIT.ok);
    expect(JSON.parse(status.stdout)).toMatchObject({
      logins: [{ server: 'docs', loggedIn: true, issuer: 'https://as.example', clientId: 'mcpx-test' }],
    });
    const logout = await mcpxWith(['logout', 'docs', '--json'], config);
    expect(logout.code).toBe(EXIT.ok);
    expect(JSON.parse(logout.stdout)).toMatchObject({ logout: { server: 'docs', wasLoggedIn: true } });
    expect(await redis.tokens.get(loginStoreKey(url))).toBeUndefined();
  });

  it('does not connect to Redis for auth status when the store has no tokenKey: logins stay in files', async () => {
    const result = await mcpxWith(['auth', 'status', '--json'], {
      mcpServers: { docs: { url: 'http://127.0.0.1:9/mcp' } },
      store: { redis: 'redis://${REDIS_HOST}:6379' },
    });
    expect(result.code).toBe(EXIT.ok);
    expect(redis.connected).toEqual([]);
  });

  it('exits unavailable, naming the URL without its password, when Redis cannot be reached', async () => {
    const result = await mcpxWith(['tools'], { mcpServers: { local }, store: { redis: 'redis://:hunter2@unreachable:6379' } });
    expect(result.code).toBe(EXIT.unavailable);
    expect(result.stderr).toContain('cannot reach the shared store at redis://:***@unreachable:6379');
    expect(result.stderr).not.toContain('hunter2');
  });

  it.each([
    ['login', 'docs'],
    ['logout', 'docs'],
    ['auth', 'status'],
  ])('exits unavailable for %s %s when Redis keeps the logins and cannot be reached, even with a memory fallback', async (...args) => {
    const result = await mcpxWith(args, {
      mcpServers: { docs: { url: 'http://127.0.0.1:9/mcp' } },
      store: { redis: 'redis://unreachable:6379', fallback: 'memory', tokenKey: '${MCPX_TOKEN_KEY}' },
    });
    expect(result.code).toBe(EXIT.unavailable);
    expect(result.stderr).toContain('cannot reach the shared store at redis://unreachable:6379');
    expect(result.stderr).toContain('the logins are kept on it');
    expect(result.stderr).not.toContain('Not logged in');
  });

  it('warns and goes on in memory when the store allows a fallback', async () => {
    const result = await mcpxWith(['tools', '--json'], {
      mcpServers: { local },
      store: { redis: 'redis://unreachable:6379', fallback: 'memory' },
    });
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toContain('mcpx: cannot reach the shared store at redis://unreachable:6379');
    expect(JSON.parse(result.stdout)).toMatchObject({ tools: expect.any(Array) });
  });
});
