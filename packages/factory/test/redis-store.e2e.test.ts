// The config's "store" on a real redis-server, with the real @mcpx/redis: what a fleet of
// processes sharing one config gets. The second-process test runs the built dist: `pnpm build` first.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CacheStoreError, type McpClient } from '@mcpx/core';
import { connectRedis, type RedisClient } from '@mcpx/redis';
import { dualEraServerCommand, freePort, startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { startAuthorizationServer, startProtectedMcpServer } from '@mcpx/test-utils/oauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRegistry, StoreUnavailableError, type FactoryDiagnostic } from '../src/index.js';
import { textOf } from './helpers.js';

const run = promisify(execFile);
const dual = { command: dualEraServerCommand().command, args: dualEraServerCommand().args };
let prefixes = 0;
/** A prefix of its own for each test, so that tests sharing a redis-server share nothing else. */
const newPrefix = (): string => `e2e-${process.pid}-${++prefixes}:`;

/** Counts the requests `client` sends for `method`. */
function sent(client: McpClient, method: string): { count: number } {
  const counter = { count: 0 };
  client.on('request', (event) => {
    if (event.method === method) counter.count++;
  });
  return counter;
}

/** A redis-server of the describe block's own and a client of it, started before its tests and stopped after them. */
function useRedis(): { readonly server: RedisServer; readonly redis: RedisClient } {
  let started: { server: RedisServer; redis: RedisClient } | undefined;
  beforeAll(async () => {
    const server = await startRedisServer();
    started = { server, redis: await connectRedis(server.url) };
  });
  afterAll(async () => {
    await started?.redis.close();
    await started?.server.stop();
  });
  const get = () => {
    if (started === undefined) throw new Error('useRedis: read server and redis inside a test');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get redis() {
      return get().redis;
    },
  };
}

/** Waits until Redis holds `count` cache entries under `prefix`. */
async function entriesUnder(redis: RedisClient, prefix: string, count: number): Promise<void> {
  await vi.waitFor(async () => expect(await redis.keys(`${prefix}cache:*`)).toHaveLength(count), { timeout: 20_000, interval: 50 });
}

describe("the config's store on a real Redis", () => {
  const live = useRedis();

  const config = (prefix: string, servers: Record<string, unknown> = { dual }): Record<string, unknown> => ({
    mcpServers: servers,
    store: { redis: live.server.url, prefix },
  });

  it("answers a second registry's tools/list from what the first one cached, sending nothing to its server", async () => {
    const prefix = newPrefix();
    const first = await createRegistry(config(prefix));
    const second = await createRegistry(config(prefix));
    try {
      const listedFirst = await first.get('dual')!.client!.listTools();
      await entriesUnder(live.redis, prefix, 1);
      const secondSent = sent(second.get('dual')!.client!, 'tools/list');
      expect(await second.get('dual')!.client!.listTools()).toEqual(listedFirst);
      expect(secondSent.count).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('lets a second process list tools from the cache a first process filled', async () => {
    const peer = fileURLToPath(new URL('./helpers/fleet-peer.mjs', import.meta.url));
    const shared = JSON.stringify(config(newPrefix()));
    const list = async (): Promise<{ tools: string[]; toolsListsSent: number; cached: boolean }> =>
      JSON.parse((await run(process.execPath, [peer, shared], { timeout: 60_000 })).stdout) as never;

    const first = await list();
    const second = await list();

    expect(first).toMatchObject({ toolsListsSent: 1, cached: true });
    expect(second).toEqual({ tools: first.tools, toolsListsSent: 0, cached: true });
  });

  it('carries a list_changed one registry hears to the other, whose next tools/list goes to its server', async () => {
    const prefix = newPrefix();
    const hearing = await createRegistry(config(prefix));
    const other = await createRegistry(config(prefix));
    try {
      const listener = hearing.get('dual')!.client!;
      const otherClient = other.get('dual')!.client!;
      await listener.listTools();
      await entriesUnder(live.redis, prefix, 1);
      const otherSent = sent(otherClient, 'tools/list');
      await otherClient.listTools();
      expect(otherSent.count).toBe(0);
      // Both processes listen on the invalidation channel before the server speaks.
      await vi.waitFor(async () => expect((await live.redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(2), {
        timeout: 20_000,
      });

      await listener.subscribe({ toolsListChanged: true });
      // The server of the first registry changes its tools and says so to that registry only.
      await listener.callTool('touch-resource', {});

      await vi.waitFor(
        async () => {
          await otherClient.listTools();
          expect(otherSent.count).toBe(1);
        },
        { timeout: 10_000 },
      );
    } finally {
      await hearing.close();
      await other.close();
    }
  });

  it('keeps apart two servers run by one command line with different environments', async () => {
    const prefix = newPrefix();
    const registry = await createRegistry(
      config(prefix, {
        red: { ...dual, env: { COLOUR: 'red' } },
        blue: { ...dual, env: { COLOUR: 'blue' } },
        again: { ...dual, env: { COLOUR: 'red' } },
      }),
    );
    try {
      await registry.get('red')!.client!.listTools();
      await entriesUnder(live.redis, prefix, 1);
      const blue = sent(registry.get('blue')!.client!, 'tools/list');
      const again = sent(registry.get('again')!.client!, 'tools/list');
      await registry.get('blue')!.client!.listTools();
      await registry.get('again')!.client!.listTools();
      expect(blue.count).toBe(1);
      expect(again.count).toBe(0);
      // The key names the server by a digest: no variable's value is written in Redis.
      await entriesUnder(live.redis, prefix, 2);
      const keys = await live.redis.keys(`${prefix}*`);
      expect(keys.join(' ')).not.toMatch(/red|blue|COLOUR/);
    } finally {
      await registry.close();
    }
  });
});

describe('Redis lost while the registry runs', () => {
  const live = useRedis();

  it('keeps calls working with one warning, and caches again once Redis is back', async () => {
    const prefix = newPrefix();
    // storeRetryMs short so that the test does not wait out the default backoff after the restart.
    const registry = await createRegistry(
      { mcpServers: { dual }, store: { redis: live.server.url, prefix } },
      { client: { cache: { storeRetryMs: 100 } } },
    );
    try {
      const client = registry.get('dual')!.client!;
      const warnings: Error[] = [];
      client.on('warning', ({ error }) => warnings.push(error));
      const lists = sent(client, 'tools/list');
      const first = await client.listTools();
      await entriesUnder(live.redis, prefix, 1);

      await live.server.kill();
      for (let i = 0; i < 5; i++) expect(await client.listTools()).toEqual(first);
      expect(lists.count).toBe(6);
      expect(warnings).toHaveLength(1);
      expect(CacheStoreError.isInstance(warnings[0])).toBe(true);

      await live.server.restart();
      // Redis comes back empty; both connections reconnect by themselves, and a call fills it again.
      await vi.waitFor(
        async () => {
          await client.listTools();
          expect(await live.redis.keys(`${prefix}cache:*`)).toHaveLength(1);
        },
        { timeout: 30_000, interval: 200 },
      );
      const before = lists.count;
      expect(await client.listTools()).toEqual(first);
      expect(lists.count).toBe(before);
      expect(warnings).toHaveLength(1);
    } finally {
      await registry.close();
    }
  });
  it('closes the registry, its store and its connection while Redis is down', async () => {
    const registry = await createRegistry({ mcpServers: { dual }, store: { redis: live.server.url, prefix: newPrefix() } });
    const client = registry.get('dual')!.client!;
    await client.listTools();
    await live.server.kill();
    try {
      expect(await client.listTools()).toMatchObject({ tools: expect.any(Array) });
      await registry.close();
      expect(client.state).toBe('closed');
    } finally {
      await live.server.restart();
    }
  });
});

describe('Redis down at start', () => {
  it('rejects with StoreUnavailableError naming the URL without its password, its cause the RedisConnectError', async () => {
    const port = await freePort();
    const attempt = createRegistry(
      { mcpServers: { dual }, store: { redis: `redis://:\${REDIS_PASSWORD}@127.0.0.1:${port}`, connectTimeoutMs: 2000 } },
      { env: { REDIS_PASSWORD: 'hunter2-secret' } },
    );
    const error: unknown = await attempt.catch((reason: unknown) => reason);
    expect(StoreUnavailableError.isInstance(error)).toBe(true);
    const unavailable = error as StoreUnavailableError;
    expect(unavailable.url).toBe(`redis://:***@127.0.0.1:${port}`);
    expect(unavailable.message).toContain(`cannot reach the shared store at redis://:***@127.0.0.1:${port} (`);
    expect(unavailable.message).toContain('ECONNREFUSED');
    expect(unavailable.message).not.toContain('hunter2-secret');
    expect((unavailable.cause as { code?: string }).code).toBe('REDIS_CONNECT_FAILED');
  });

  it('falls back to memory with one diagnostic when the store allows it, and calls work', async () => {
    const port = await freePort();
    const diagnostics: FactoryDiagnostic[] = [];
    const registry = await createRegistry(
      { mcpServers: { dual }, store: { redis: `redis://127.0.0.1:${port}`, fallback: 'memory', connectTimeoutMs: 2000 } },
      { onDiagnostic: (event) => diagnostics.push(event) },
    );
    try {
      expect(diagnostics).toEqual([
        expect.objectContaining({
          type: 'store-fallback',
          message: expect.stringContaining(`cannot reach the shared store at redis://127.0.0.1:${port}`),
        }),
      ]);
      const client = registry.get('dual')!.client!;
      const lists = sent(client, 'tools/list');
      const first = await client.listTools();
      expect(first.tools.length).toBeGreaterThan(0);
      expect(await client.listTools()).toEqual(first);
      expect(lists.count).toBe(1);
    } finally {
      await registry.close();
    }
  });
});

describe("the config's tokenKey against a real authorization server", () => {
  const machine = { clientId: 'fleet-worker', clientSecret: 'a-long-enough-machine-secret-0123456789' };

  it('lets a second registry reuse the token the first one got, with no second token grant', async () => {
    const server = await startRedisServer();
    const as = await startAuthorizationServer({
      clients: [
        {
          client_id: machine.clientId,
          client_secret: machine.clientSecret,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
      ],
    });
    const mcp = await startProtectedMcpServer({ authorizationServer: as });
    const config: Record<string, unknown> = {
      mcpServers: { protected: { url: mcp.url, oauth: { ...machine, grant: 'client_credentials' } } },
      store: { redis: server.url, tokenKey: '${MCPX_TOKEN_KEY}' },
    };
    const env = { MCPX_TOKEN_KEY: Buffer.alloc(32, 9).toString('base64') };
    try {
      const first = await createRegistry(config, { env });
      try {
        expect(textOf(await first.get('protected')!.client!.callTool('whoami'))).toMatch(/^fleet-worker via /);
      } finally {
        await first.close();
      }
      expect(as.tokenRequests('client_credentials')).toBe(1);

      const second = await createRegistry(config, { env });
      try {
        expect(textOf(await second.get('protected')!.client!.callTool('whoami'))).toMatch(/^fleet-worker via /);
      } finally {
        await second.close();
      }
      expect(as.tokenRequests()).toBe(1);
    } finally {
      await mcp.close();
      await as.close();
      await server.stop();
    }
  });
});
