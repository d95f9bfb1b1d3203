import { createHash, randomUUID } from 'node:crypto';
import { startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, redisEraStore, type RedisClient } from '../src/index.js';

let server: RedisServer;
let redis: RedisClient;

beforeAll(async () => {
  server = await startRedisServer();
  redis = await connectRedis(server.url);
});

afterAll(async () => {
  await redis.close();
  await server.stop();
});

const freshPrefix = () => `test-${randomUUID()}:`;
const hashed = (key: string) => createHash('sha256').update(key).digest('hex');

describe('the Redis era store', () => {
  it('keeps the era of a server under <prefix>era:<SHA-256 of the key>, for ttlMs', async () => {
    const prefix = freshPrefix();
    const store = redisEraStore(redis, { prefix, ttlMs: 60_000 });
    await store.set('node server.mjs stdio', 'modern');
    expect(await store.get('node server.mjs stdio')).toBe('modern');
    expect(await redis.get(`${prefix}era:${hashed('node server.mjs stdio')}`)).toBe('modern');
    const ttl = await redis.pTTL(`${prefix}era:${hashed('node server.mjs stdio')}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('keeps an era for good with ttlMs 0, and forgets it when deleted', async () => {
    const prefix = freshPrefix();
    const store = redisEraStore(redis, { prefix, ttlMs: 0 });
    await store.set('https://example.com', 'legacy');
    expect(await redis.pTTL(`${prefix}era:${hashed('https://example.com')}`)).toBe(-1);
    expect(await store.get('https://example.com')).toBe('legacy');
    await store.delete('https://example.com');
    expect(await store.get('https://example.com')).toBeUndefined();
  });

  it("reads anything but 'legacy' or 'modern' as unknown, another program's hash included, and the next set replaces it", async () => {
    const prefix = freshPrefix();
    const store = redisEraStore(redis, { prefix });
    await redis.set(`${prefix}era:${hashed('a')}`, 'MODERN');
    await redis.hSet(`${prefix}era:${hashed('b')}`, 'era', 'modern');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeUndefined();
    await store.set('b', 'legacy');
    expect(await store.get('b')).toBe('legacy');
  });

  it("never shows a secret of the server's description (a URL's password or ?token=) in the key names", async () => {
    const prefix = freshPrefix();
    const store = redisEraStore(redis, { prefix });
    await store.set('https://user:pa55word@example.com/mcp?token=t0ken-s3cret', 'modern');
    const names = await redis.keys(`${prefix}*`);
    expect(names).toHaveLength(1);
    expect(names.join(' ')).not.toMatch(/t0ken-s3cret|pa55word|example\.com/);
  });

  it('refuses a ttlMs that is not a whole number of milliseconds', () => {
    expect(() => redisEraStore(redis, { ttlMs: 1.5 })).toThrow(/"ttlMs" must be an integer of at least 0, got 1.5/);
  });
});
