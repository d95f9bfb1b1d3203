import { memoryTokenStore } from '@mcpx/auth';
import type { EraCache } from '@mcpx/core';
import { LruCacheStore, type McpClient } from '@mcpx/core';
import { dualEraServerCommand } from '@mcpx/test-utils';
import { robotBrowser, useOAuthServers } from '@mcpx/test-utils/oauth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, createRegistry, openStore, StoreUnavailableError, type FactoryDiagnostic } from '../src/index.js';
import { textOf } from './helpers.js';

// @mcpx/redis is replaced by a module with its agreed entry points, whose stores are the real
// in-memory ones of core and auth: these tests check what the factory does with the stores it
// gets (which clients and providers receive them, when the connection closes), not Redis.
const redis = vi.hoisted(() => ({
  /** The options connectRedis was called with, in order. */
  connectOptions: [] as unknown[],
  /** connectRedis's connections, one per URL it could reach (not `unreachable`). */
  connections: [] as { url: string; close: () => Promise<void>; closed: number }[],
  cacheStores: [] as { options: unknown; store: unknown; closed: number }[],
  eraStores: [] as { options: unknown; store: unknown }[],
  tokenStores: [] as { options: unknown; store: unknown }[],
}));

vi.mock('@mcpx/redis', async () => {
  const core = await import('@mcpx/core');
  const auth = await import('@mcpx/auth');
  const connect = (url: string) => {
    const connection = {
      url,
      closed: 0,
      close: async () => {
        connection.closed++;
      },
    };
    redis.connections.push(connection);
    return connection;
  };
  return {
    connectRedis: async (url: string, options: unknown) => {
      redis.connectOptions.push(options);
      if (url.includes('gave-up')) {
        // As @mcpx/redis's RedisConnectError: a message of its own, and the last attempt's error as cause.
        const cause = new Error('connect ECONNREFUSED 10.0.0.1:6379');
        throw Object.assign(
          new Error(`connecting to Redis: could not reach ${url} (${cause.message}); check that redis-server runs`, { cause }),
          {
            code: 'REDIS_CONNECT_FAILED',
          },
        );
      }
      if (url.includes('quoting')) throw new Error(`could not connect to ${url}`);
      if (url.includes('unreachable')) throw new Error(`connect ECONNREFUSED ${new URL(url).host}`);
      return connect(url);
    },
    redisCacheStore: (_client: unknown, options: unknown) => {
      const entry = { options, store: undefined as unknown, closed: 0 };
      entry.store = Object.assign(new core.LruCacheStore(), {
        close: async () => {
          entry.closed++;
        },
      });
      redis.cacheStores.push(entry);
      return entry.store;
    },
    redisEraStore: (_client: unknown, options: unknown) => {
      const store = new core.EraCache();
      redis.eraStores.push({ options, store });
      return store;
    },
    redisTokenStore: (_client: unknown, options: unknown) => {
      const store = auth.memoryTokenStore();
      redis.tokenStores.push({ options, store });
      return store;
    },
  };
});

const KEY = 'a-token-key-of-at-least-32-characters!!';
const server = { command: dualEraServerCommand().command, args: dualEraServerCommand().args };

afterEach(() => {
  redis.connectOptions.length = 0;
  redis.connections.length = 0;
  redis.cacheStores.length = 0;
  redis.eraStores.length = 0;
  redis.tokenStores.length = 0;
});

/** Calls to `method` that `client` sent to its server. */
function sent(client: McpClient, method: string): { count: number } {
  const counter = { count: 0 };
  client.on('request', (event) => {
    if (event.method === method) counter.count++;
  });
  return counter;
}

/** Creates registries as `createRegistry` does, each closed after its test. */
function useRegistries(): typeof createRegistry {
  const open: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    for (const registry of open.splice(0)) await registry.close();
  });
  return async (...args) => {
    const registry = await createRegistry(...args);
    open.push(registry);
    return registry;
  };
}

const openRegistry = useRegistries();

describe("the config's store, wired by the factory", () => {
  it('connects to the URL with ${VAR} expanded and gives every client of a registry the same cache store and era store', async () => {
    const registry = await openRegistry(
      { mcpServers: { one: server, two: server }, store: { redis: 'redis://${REDIS_HOST}:6379', prefix: 'fleet:' } },
      { env: { REDIS_HOST: 'cache.internal' } },
    );
    expect(redis.connections.map((connection) => connection.url)).toEqual(['redis://cache.internal:6379']);
    expect(redis.cacheStores.map((entry) => entry.options)).toEqual([{ prefix: 'fleet:' }]);
    expect(redis.eraStores.map((entry) => entry.options)).toEqual([{ prefix: 'fleet:' }]);
    const eras = redis.eraStores[0]!.store as EraCache;
    expect(eras.get(`${server.command} ${server.args.join(' ')}`)).toBe('modern');
    // The same command line is one server to the cache: the second client reads what the first kept.
    const second = sent(registry.get('two')!.client!, 'tools/list');
    await registry.get('one')!.client!.listTools();
    await registry.get('two')!.client!.listTools();
    expect(second.count).toBe(0);
  });

  it('closes the cache store and then the connection when the registry closes, once', async () => {
    const registry = await createRegistry({ mcpServers: { one: server }, store: { redis: 'redis://127.0.0.1:6379' } });
    await registry.close();
    await registry.close();
    expect(redis.cacheStores[0]?.closed).toBe(1);
    expect(redis.connections[0]?.closed).toBe(1);
  });

  it('keeps the store connected while close() refuses its options, and a second close() returns the same promise', async () => {
    const closed: string[] = [];
    const registry = await createRegistry(
      { mcpServers: { one: server }, store: { redis: 'redis://127.0.0.1:6379' } },
      { connect: false, registry: { onClosed: () => void closed.push('mine') } },
    );
    await expect(registry.close({ deadline: 10 } as never)).rejects.toThrow('unknown option "deadline"');
    await expect(registry.close({ deadlineMs: -1 })).rejects.toThrow('"deadlineMs" must be zero or more');
    expect(redis.connections[0]?.closed).toBe(0);
    const closing = registry.close();
    expect(registry.close()).toBe(closing);
    await closing;
    expect(redis.connections[0]?.closed).toBe(1);
    expect(closed).toEqual(['mine']);
  });

  it("keeps a client's own cache store and era cache over the config's", async () => {
    const mine = new LruCacheStore();
    const set = vi.spyOn(mine, 'set');
    const registry = await openRegistry(
      { mcpServers: { one: server }, store: { redis: 'redis://127.0.0.1:6379' } },
      { client: { cache: { store: mine }, eraCache: false } },
    );
    await registry.get('one')!.client!.listTools();
    expect(set).toHaveBeenCalled();
    expect(redis.cacheStores).toEqual([]);
    expect(redis.eraStores).toEqual([]);
  });

  it('rejects with StoreUnavailableError naming the URL without its password when Redis cannot be reached, and starts no server', async () => {
    const attempt = createRegistry(
      {
        mcpServers: { one: server },
        store: { redis: 'redis://:${PASSWORD}@unreachable:6379' },
      },
      { env: { PASSWORD: 'hunter2-secret' } },
    );
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) =>
        StoreUnavailableError.isInstance(error) &&
        error.url === 'redis://:***@unreachable:6379' &&
        error.message.includes('cannot reach the shared store at redis://:***@unreachable:6379 (connect ECONNREFUSED unreachable:6379)') &&
        error.message.includes('"fallback": "memory"') &&
        !error.message.includes('hunter2-secret'),
    );
  });

  it("says once why Redis could not be reached: the reason of @mcpx/redis's error, not its message", async () => {
    await expect(openStore({ redis: 'redis://gave-up:6379', fallback: 'none' })).rejects.toHaveProperty(
      'message',
      'cannot reach the shared store at redis://gave-up:6379 (connect ECONNREFUSED 10.0.0.1:6379); ' +
        'fix: start Redis there, correct "store.redis" in the config, or write "fallback": "memory" in "store" to run with each process keeping its state to itself',
    );
  });

  it('prints a process warning for a fallback when no one listens to diagnostics', async () => {
    const warnings: Error[] = [];
    const listen = (warning: Error) => void warnings.push(warning);
    process.on('warning', listen);
    try {
      const stores = await openStore({ redis: 'redis://unreachable:6379', fallback: 'memory' });
      expect(stores.backend).toBe('memory');
      await vi.waitFor(() => expect(warnings).toHaveLength(1), { timeout: 10_000 });
      expect(warnings[0]).toMatchObject({
        name: 'McpxStoreFallback',
        message: expect.stringContaining('cannot reach the shared store at redis://unreachable:6379'),
      });
    } finally {
      process.off('warning', listen);
    }
  });

  it('hides the URL an error quotes, password and all, without touching the other words', async () => {
    const attempt = openStore({ redis: 'redis://:o@quoting:6379', fallback: 'none' });
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) =>
        StoreUnavailableError.isInstance(error) &&
        error.message.startsWith(
          'cannot reach the shared store at redis://:***@quoting:6379 (could not connect to redis://:***@quoting:6379); fix:',
        ),
    );
  });

  it('falls back to memory with a diagnostic when the store allows it, and the servers connect', async () => {
    const diagnostics: FactoryDiagnostic[] = [];
    const registry = await openRegistry(
      { mcpServers: { one: server, two: server }, store: { redis: 'redis://unreachable:6379', fallback: 'memory' } },
      { onDiagnostic: (event) => diagnostics.push(event) },
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        server: undefined,
        type: 'store-fallback',
        message: expect.stringContaining('cannot reach the shared store at redis://unreachable:6379'),
      }),
    ]);
    expect(registry.get('one')?.state).toBe('connected');
    // In memory, the clients of the process still share one cache.
    const second = sent(registry.get('two')!.client!, 'tools/list');
    await registry.get('one')!.client!.listTools();
    await registry.get('two')!.client!.listTools();
    expect(second.count).toBe(0);
  });

  it("gives connectRedis the store's connectTimeoutMs, 10 s unless the config says otherwise, as its one deadline", async () => {
    await (await openStore({ redis: 'redis://127.0.0.1:6379', fallback: 'none', connectTimeoutMs: 50 })).close();
    await (await openStore({ redis: 'redis://127.0.0.1:6379', fallback: 'none' })).close();
    expect(redis.connectOptions).toEqual([{ connectTimeoutMs: 50 }, { connectTimeoutMs: 10_000 }]);
  });

  it('keeps tokens out of Redis without a tokenKey', async () => {
    const stores = await openStore({ redis: 'redis://127.0.0.1:6379', fallback: 'none' });
    try {
      expect(stores.tokens).toBeUndefined();
      expect(redis.tokenStores).toEqual([]);
    } finally {
      await stores.close();
    }
  });

  it('gives createClient the stores opened by openStore, which the caller closes', async () => {
    const stores = await openStore({ redis: 'redis://127.0.0.1:6379', fallback: 'none' });
    const client = await createClient(server, { name: 'one', store: stores });
    await client.close();
    expect((redis.eraStores[0]?.store as EraCache).get(`${server.command} ${server.args.join(' ')}`)).toBe('modern');
    expect(redis.connections[0]?.closed).toBe(0);
    await stores.close();
    expect(redis.connections[0]?.closed).toBe(1);
  });
});

describe("the config's token store, wired into OAuth", () => {
  const oauth = useOAuthServers();

  it('keeps the login of a server in the Redis token store, encrypted with tokenKey', async () => {
    const registry = await openRegistry(
      { mcpServers: { protected: { url: oauth.mcp.url } }, store: { redis: 'redis://127.0.0.1:6379', tokenKey: '${MCPX_TOKEN_KEY}' } },
      { env: { MCPX_TOKEN_KEY: KEY }, oauth: { userAgent: robotBrowser({ user: 'ada' }) } },
    );
    expect(textOf(await registry.get('protected')!.client!.callTool('whoami'))).toMatch(/^ada via /);
    expect(redis.tokenStores.map((entry) => entry.options)).toEqual([{ encryptionKey: KEY }]);
    const tokens = redis.tokenStores[0]!.store as ReturnType<typeof memoryTokenStore>;
    expect(await tokens.list()).toHaveLength(1);
  });

  it("keeps the token store given in the oauth option over the config's", async () => {
    const mine = memoryTokenStore();
    const registry = await openRegistry(
      { mcpServers: { protected: { url: oauth.mcp.url } }, store: { redis: 'redis://127.0.0.1:6379', tokenKey: KEY } },
      { oauth: { store: mine, userAgent: robotBrowser({ user: 'bo' }) } },
    );
    expect(textOf(await registry.get('protected')!.client!.callTool('whoami'))).toMatch(/^bo via /);
    expect(await mine.list()).toHaveLength(1);
  });
});
