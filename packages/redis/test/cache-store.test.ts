import { randomUUID } from 'node:crypto';
import type { CacheInvalidation } from '@mcpx/core';
import { startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, redisCacheStore, type RedisClient, type RedisCacheStore } from '../src/index.js';

let server: RedisServer;
let redis: RedisClient;
const stores: RedisCacheStore[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  redis = await connectRedis(server.url);
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis.close();
  await server.stop();
});

/** A store under a prefix of its own, so that no test sees another's keys. */
function freshStore(): { store: RedisCacheStore; prefix: string } {
  const prefix = `test-${randomUUID()}:`;
  const store = redisCacheStore(redis, { prefix });
  stores.push(store);
  return { store, prefix };
}

const entry = (value: Record<string, unknown>, ttlMs = 60_000) => ({ value, expiresAt: Date.now() + ttlMs });

describe('the Redis cache store', () => {
  it('keeps an entry as JSON under <prefix>cache:<key>, expiring when the entry goes stale', async () => {
    const { store, prefix } = freshStore();
    const kept = entry({ tools: [{ name: 'a' }] }, 60_000);
    await store.set('v1 k', kept);
    expect(await store.get('v1 k')).toEqual(kept);
    expect(JSON.parse((await redis.get(`${prefix}cache:v1 k`))!)).toEqual(kept);
    const ttl = await redis.pTTL(`${prefix}cache:v1 k`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('answers undefined for a key it does not hold, and forgets a deleted one', async () => {
    const { store } = freshStore();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('k', entry({ a: 1 }));
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('keeps nothing for an entry that is already stale', async () => {
    const { store, prefix } = freshStore();
    await store.set('k', entry({ a: 1 }));
    await store.set('k', { value: { a: 2 }, expiresAt: Date.now() - 1 });
    expect(await redis.exists(`${prefix}cache:k`)).toBe(0);
  });

  it('deletes by prefix only the keys that start with it, glob characters included', async () => {
    const { store } = freshStore();
    const keys = ['a*b [x] ? \\ 1', 'a*b [x] ? \\ 2', 'aXb [x] ? \\ 1', 'a*b [y] ? \\ 1', 'a*b x ? \\ 1', 'other'];
    for (const key of keys) await store.set(key, entry({ key }));
    await store.deletePrefix('a*b [x] ? \\ ');
    const left = [];
    for (const key of keys) if ((await store.get(key)) !== undefined) left.push(key);
    expect(left).toEqual(['aXb [x] ? \\ 1', 'a*b [y] ? \\ 1', 'a*b x ? \\ 1', 'other']);
  });

  it('deletes by prefix across many SCAN batches', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = redisCacheStore(redis, { prefix, scanCount: 7 });
    stores.push(store);
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.set(`p ${i}`, entry({ i }))));
    await store.set('q 1', entry({ q: 1 }));
    await store.deletePrefix('p ');
    expect(await redis.keys(`${prefix}cache:*`)).toEqual([`${prefix}cache:q 1`]);
  });

  it('reads a corrupt value under its key as a miss, and the next set replaces it', async () => {
    const { store, prefix } = freshStore();
    await redis.set(`${prefix}cache:k`, '{"value": {"tools": [');
    expect(await store.get('k')).toBeUndefined();
    await redis.set(`${prefix}cache:k`, JSON.stringify({ value: 'not an object', expiresAt: 'later' }));
    expect(await store.get('k')).toBeUndefined();
    const kept = entry({ tools: [] });
    await store.set('k', kept);
    expect(await store.get('k')).toEqual(kept);
  });

  it("reads another program's hash under its key as a miss, and the next set replaces it", async () => {
    const { store, prefix } = freshStore();
    await redis.hSet(`${prefix}cache:k`, 'field', 'value');
    expect(await store.get('k')).toBeUndefined();
    const kept = entry({ tools: [] });
    await store.set('k', kept);
    expect(await store.get('k')).toEqual(kept);
  });
});

describe('invalidations over Redis pub/sub', () => {
  it('reach the subscribers of every store on the same prefix, the publisher included', async () => {
    const { store, prefix } = freshStore();
    const other = redisCacheStore(redis, { prefix });
    stores.push(other);
    const seen: CacheInvalidation[] = [];
    const seenByOther: CacheInvalidation[] = [];
    store.subscribe((event) => seen.push(event));
    other.subscribe((event) => seenByOther.push(event));
    // The subscriptions open in the background; wait until Redis counts both.
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(2), {
      timeout: 10_000,
    });
    const event = { server: 'abc', method: 'notifications/resources/updated', uri: 'test://x', origin: 'me' };
    await store.publish(event);
    await vi.waitFor(() => expect(seenByOther).toEqual([event]), { timeout: 10_000 });
    expect(seen).toEqual([event]);
  });

  it('are published once the deletions started before them are done', async () => {
    const prefix = `test-${randomUUID()}:`;
    // A small SCAN batch: deleting takes many round trips, which a publish sent at once would overtake.
    const store = redisCacheStore(redis, { prefix, scanCount: 10 });
    stores.push(store);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.set(`tools/list ${i}`, entry({ i }))));
    const deletion = store.deletePrefix('tools/list ');
    await store.publish({ server: 's', method: 'notifications/tools/list_changed' });
    // When the message goes out, nothing it invalidates is left to read.
    expect(await redis.keys(`${prefix}cache:*`)).toEqual([]);
    await deletion;
  });

  it('ignore a corrupt or foreign message on the channel', async () => {
    const { store, prefix } = freshStore();
    const seen: CacheInvalidation[] = [];
    store.subscribe((event) => seen.push(event));
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(1), {
      timeout: 10_000,
    });
    for (const message of ['not json', '[1,2]', '"text"', '{"server":1,"method":"x"}', '{"server":"s","method":"m","uri":5}', '{}'])
      await redis.publish(`${prefix}invalidate`, message);
    const last = { server: 's', method: 'notifications/tools/list_changed' };
    await redis.publish(`${prefix}invalidate`, JSON.stringify(last));
    // Messages on one channel arrive in order: once the last is seen, the others were ignored.
    await vi.waitFor(() => expect(seen).toEqual([last]), { timeout: 10_000 });
  });

  it('stop reaching a listener once it unsubscribes, and close the subscriber connection on close()', async () => {
    const { store, prefix } = freshStore();
    const seen: CacheInvalidation[] = [];
    const kept: CacheInvalidation[] = [];
    const stop = store.subscribe((event) => seen.push(event));
    store.subscribe((event) => kept.push(event));
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(1), {
      timeout: 10_000,
    });
    stop();
    await store.publish({ server: 's', method: 'm' });
    await vi.waitFor(() => expect(kept).toHaveLength(1), { timeout: 10_000 });
    expect(seen).toEqual([]);
    await store.close();
    expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(0);
  });

  it('reach every listener when one of them throws, and report the throw through onError', async () => {
    const prefix = `test-${randomUUID()}:`;
    const errors: Error[] = [];
    const store = redisCacheStore(redis, { prefix, onError: (error) => errors.push(error) });
    stores.push(store);
    const seen: CacheInvalidation[] = [];
    store.subscribe(() => {
      throw new Error('listener broke');
    });
    store.subscribe((event) => seen.push(event));
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(1), {
      timeout: 10_000,
    });
    await store.publish({ server: 's', method: 'm' });
    await vi.waitFor(() => expect(seen).toEqual([{ server: 's', method: 'm' }]), { timeout: 10_000 });
    expect(errors.map((error) => error.message)).toEqual(['listener broke']);
  });

  it('report a subscription Redis refuses (NOPERM) through onError, and reject the next get once with it', async () => {
    await redis.sendCommand(['ACL', 'SETUSER', 'deaf', 'on', '>pw', '~*', '+@all', 'resetchannels']);
    const url = server.url.replace('redis://', 'redis://deaf:pw@');
    const deaf = await connectRedis(url);
    try {
      const errors: Error[] = [];
      const store = redisCacheStore(deaf, { prefix: `test-${randomUUID()}:`, onError: (error) => errors.push(error) });
      stores.push(store);
      store.subscribe(() => undefined);
      await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 10_000 });
      expect(errors[0]?.message).toMatch(/could not subscribe to the invalidations on ".*invalidate" \(NOPERM/);
      await expect(store.get('k')).rejects.toThrow(/NOPERM/);
    } finally {
      await deaf.close();
    }
  });

  it('refuse new subscribers once closed, instead of opening a new connection', async () => {
    const { store, prefix } = freshStore();
    store.subscribe(() => undefined);
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(1), {
      timeout: 10_000,
    });
    await store.close();
    expect(() => store.subscribe(() => undefined)).toThrow(/was closed/);
    await vi.waitFor(async () => expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(0), {
      timeout: 10_000,
    });
    // No new subscriber shows up later either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`]).toBe(0);
  });
});
