import { CacheStoreError, McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { dualEraServerCommand, startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, redisCacheStore, type RedisClient, type RedisCacheStore } from '../src/index.js';

let server: RedisServer;
let redis: RedisClient;
let store: RedisCacheStore;
let client: McpClient;
const warnings: Error[] = [];
const sent: string[] = [];
const toolsListsSent = () => sent.filter((method) => method === 'tools/list').length;

beforeAll(async () => {
  server = await startRedisServer();
  redis = await connectRedis(server.url);
  store = redisCacheStore(redis);
  // storeRetryMs short so that the test does not wait for the default backoff after the restart.
  client = new McpClient({ server: 'dual-era', eraCache: false, cache: { store, storeRetryMs: 100 } });
  client.on('warning', ({ error }) => warnings.push(error));
  client.on('request', ({ method }) => sent.push(method));
  await client.connect(new StdioTransport({ ...dualEraServerCommand(), stderr: 'ignore' }));
});

afterAll(async () => {
  await client.close();
  await store.close();
  await redis.close();
  await server.stop();
});

describe('faults under a client of the dual-era server', () => {
  it("answers from the server when our key holds a corrupt or another program's value, without a warning, and overwrites it", async () => {
    const first = await client.listTools();
    const [key] = await vi.waitFor(
      async () => {
        const keys = await redis.keys('mcpx:cache:*');
        expect(keys).toHaveLength(1);
        return keys;
      },
      { timeout: 10_000 },
    );
    for (const spoil of [() => redis.set(key!, '{"value":'), () => redis.del(key!).then(() => redis.lPush(key!, 'x'))]) {
      await spoil();
      const before = toolsListsSent();
      expect(await client.listTools()).toEqual(first);
      expect(toolsListsSent()).toBe(before + 1);
      // The next put replaces the value with an entry.
      await vi.waitFor(async () => expect(await redis.type(key!)).toBe('string'), { timeout: 10_000 });
      await vi.waitFor(async () => expect(JSON.parse((await redis.get(key!))!)).toMatchObject({ value: first }), { timeout: 10_000 });
    }
    expect(warnings).toEqual([]);
    await redis.flushAll();
  });

  it('keeps answering from the server with one warning, and uses the cache again once Redis is back', async () => {
    const first = await client.listTools();
    await vi.waitFor(async () => expect(await redis.keys('mcpx:cache:*')).toHaveLength(1), { timeout: 10_000 });
    const sentBefore = toolsListsSent();
    expect(await client.listTools()).toEqual(first);
    expect(toolsListsSent()).toBe(sentBefore);

    await server.kill();
    for (let i = 0; i < 5; i++) expect(await client.listTools()).toEqual(first);
    // Every call while Redis is down went to the server, at once (no offline queue to wait in).
    expect(toolsListsSent()).toBe(sentBefore + 5);
    expect(warnings).toHaveLength(1);
    expect(CacheStoreError.isInstance(warnings[0])).toBe(true);
    expect(warnings[0]!.message).toMatch(/the response cache's store failed/);

    await server.restart();
    // Redis comes back empty: node-redis reconnects by itself, the store's backoff ends, a call
    // puts its result there again, and the next call is answered from it.
    await vi.waitFor(
      async () => {
        await client.listTools();
        expect(await redis.keys('mcpx:cache:*')).toHaveLength(1);
      },
      { timeout: 30_000, interval: 200 },
    );
    const before = toolsListsSent();
    expect(await client.listTools()).toEqual(first);
    expect(toolsListsSent()).toBe(before);
    expect(warnings).toHaveLength(1);
  });

  it('subscribes to invalidations again once Redis is back', async () => {
    // Runs after the restart above: the store's pub/sub connection reconnected and re-subscribed.
    await vi.waitFor(async () => expect((await redis.pubSubNumSub('mcpx:invalidate'))['mcpx:invalidate']).toBe(1), {
      timeout: 30_000,
      interval: 200,
    });
  });
});
