import { startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, redisCacheStore, type RedisClient } from '../src/index.js';

let server: RedisServer;
let redis: RedisClient;

beforeAll(async () => {
  server = await startRedisServer();
  redis = await connectRedis(server.url);
  // Another application's keys in the same database: 100,000 of them, written in pipelined batches.
  for (let batch = 0; batch < 10; batch++) {
    const multi = redis.multi();
    for (let i = 0; i < 10_000; i++) multi.set(`other-app:${batch}:${i}`, 'x');
    await multi.execAsPipeline();
  }
}, 120_000);

afterAll(async () => {
  await redis.close();
  await server.stop();
});

/** How many SCAN commands Redis has run. */
async function scans(): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/cmdstat_scan:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

const entry = (value: Record<string, unknown>, ttlMs = 60_000) => ({ value, expiresAt: Date.now() + ttlMs });
const list = (n: number, server = '"s"') => `v1 ${server} tools/list {} "2026-07-28" abc private "id" {"userId":"u${n}"}`;
const read = (uri: string) => `v1 "s" resources/read {"uri":"${uri}"} "2026-07-28" abc public`;

describe('the Redis cache store among 100,000 keys of another application', () => {
  it('invalidates a method of a server from its index, without scanning the keyspace', async () => {
    const store = redisCacheStore(redis, { prefix: 'a:' });
    for (let n = 0; n < 50; n++) await store.set(list(n), entry({ n }));
    await store.set(list(0, '"t"'), entry({ other: 'server' }));
    await store.set(read('x'), entry({ uri: 'x' }));
    const before = await scans();
    await store.deletePrefix('v1 "s" tools/list ');
    expect(await scans()).toBe(before);
    expect(await redis.keys('a:cache:v1 "s" tools/list *')).toEqual([]);
    expect(await store.get(list(0, '"t"'))).toEqual(expect.objectContaining({ value: { other: 'server' } }));
    expect(await store.get(read('x'))).toBeDefined();
  });

  it("invalidates one resource's entries from its method's index, and leaves the others", async () => {
    const store = redisCacheStore(redis, { prefix: 'b:' });
    await store.set(read('x'), entry({ uri: 'x' }));
    await store.set(read('xy'), entry({ uri: 'xy' }));
    const before = await scans();
    await store.deletePrefix('v1 "s" resources/read {"uri":"x"} ');
    expect(await scans()).toBe(before);
    expect(await store.get(read('x'))).toBeUndefined();
    expect(await store.get(read('xy'))).toBeDefined();
  });

  it('keeps an index at least as long as its longest-lived entry', async () => {
    const store = redisCacheStore(redis, { prefix: 'c:' });
    await store.set(list(1), entry({ n: 1 }, 600_000));
    await store.set(list(2), entry({ n: 2 }, 1_000));
    const [index] = await redis.keys('c:cache-index:*');
    expect(index).toBe('c:cache-index:v1 "s" tools/list ');
    expect(await redis.pTTL(index!)).toBeGreaterThan(500_000);
  });

  it('drops from an index the keys of entries that expired, when its group gets another entry', async () => {
    const store = redisCacheStore(redis, { prefix: 'f:' });
    await store.set(list(1), entry({ n: 1 }));
    await store.set(list(2), entry({ n: 2 }, 300));
    await vi.waitFor(async () => expect(await redis.exists(`f:cache:${list(2)}`)).toBe(0), { timeout: 20_000, interval: 50 });
    expect(await redis.sMembers('f:cache-index:v1 "s" tools/list ')).toHaveLength(2);
    await store.set(list(3), entry({ n: 3 }));
    expect((await redis.sMembers('f:cache-index:v1 "s" tools/list ')).sort()).toEqual([`f:cache:${list(1)}`, `f:cache:${list(3)}`]);
  });

  it("replaces another program's value where an index goes, and still invalidates", async () => {
    const store = redisCacheStore(redis, { prefix: 'd:' });
    await redis.hSet('d:cache-index:v1 "s" tools/list ', 'field', 'foreign');
    await store.set(list(1), entry({ n: 1 }));
    await store.deletePrefix('v1 "s" tools/list ');
    expect(await store.get(list(1))).toBeUndefined();
  });

  it('falls back to SCAN for a prefix shorter than a server and a method', async () => {
    const store = redisCacheStore(redis, { prefix: 'e:' });
    await store.set(list(1), entry({ n: 1 }));
    await store.set(read('x'), entry({ uri: 'x' }));
    const before = await scans();
    await store.deletePrefix('v1 "s" ');
    expect(await scans()).toBeGreaterThan(before);
    expect(await redis.keys('e:cache:*')).toEqual([]);
  });
});
