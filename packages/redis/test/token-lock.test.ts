import { TokenStoreError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { newKey, useRedis } from './token-redis.js';

describe("the token store's lock", () => {
  const redis = useRedis();

  it('makes a second taker wait until the first releases it', async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix() });
    const releaseFirst = await store.lock('the-login', 30_000);
    let second = false;
    const taking = store.lock('the-login', 30_000).then((release) => {
      second = true;
      return release;
    });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second).toBe(false);
    await releaseFirst();
    const releaseSecond = await taking;
    expect(second).toBe(true);
    await releaseSecond();
  });

  it('gives up waiting with a TokenStoreError once its own ttl has passed', async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix() });
    await store.lock('the-login', 60_000);

    const error = await store.lock('the-login', 300).catch((caught: unknown) => caught);

    expect(TokenStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('still held');
  });

  it("stops waiting with the signal's reason when the signal aborts", async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix() });
    await store.lock('the-login', 60_000);
    const controller = new AbortController();
    const reason = new Error('the request was abandoned');

    const waiting = store.lock('the-login', 60_000, controller.signal);
    controller.abort(reason);

    await expect(waiting).rejects.toBe(reason);
  });

  it("does not delete the next holder's lock when released after its ttl ran out", async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const releaseLate = await store.lock('the-login', 30_000);
    const [lockKey] = await client.keys(`${prefix}token-lock:*`);
    // As if its ttl ran out while it could not be renewed.
    await client.del(lockKey as string);
    const releaseNext = await store.lock('the-login', 30_000);

    await releaseLate();

    expect(await client.exists(lockKey as string)).toBe(1);
    await releaseNext();
    expect(await client.exists(lockKey as string)).toBe(0);
  });

  it('fails with a TokenStoreError while Redis is down after its commandTimeoutMs, well before its ttl', async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix(), commandTimeoutMs: 1_000 });
    await store.get('the-login');

    await redis.server.kill();
    try {
      const startedAt = Date.now();
      const error = await store.lock('the-login', 60_000).catch((caught: unknown) => caught);
      expect(Date.now() - startedAt).toBeLessThan(30_000);
      expect(TokenStoreError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('check that Redis is up');
    } finally {
      await redis.server.restart();
    }
  });

  it('is renewed while held, so that it outlives its ttl and others keep waiting', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const release = await store.lock('the-login', 600);

    await new Promise((resolve) => setTimeout(resolve, 2_500));

    expect(release.lost?.aborted).toBe(false);
    expect(await client.keys(`${prefix}token-lock:*`)).toHaveLength(1);
    const error = await store.lock('the-login', 300).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('still held');
    await release();
  });

  it('aborts its lost signal when another takes it', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const release = await store.lock('the-login', 600);
    const [lockKey] = await client.keys(`${prefix}token-lock:*`);

    await client.set(lockKey as string, 'another holder');

    await expect.poll(() => release.lost?.aborted, { timeout: 10_000, interval: 50 }).toBe(true);
    expect(TokenStoreError.isInstance(release.lost?.reason)).toBe(true);
    await release();
    expect(await client.get(lockKey as string)).toBe('another holder');
  });
});
