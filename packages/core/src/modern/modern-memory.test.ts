import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheEntry } from './cache-store.js';
import { LruCacheStore } from './lru-cache-store.js';
import { ModernMemory } from './modern-memory.js';
import type * as sha256 from './sha256.js';
import { sha256Hex } from './sha256.js';

vi.mock('./sha256.js', async (original) => {
  const real = await original<typeof sha256>();
  return { sha256Hex: vi.fn(real.sha256Hex) };
});

type CacheOption = NonNullable<ConstructorParameters<typeof ModernMemory>[0]['cache']>;
const memoryOf = (cache?: CacheOption) =>
  new ModernMemory(
    cache === undefined ? { name: 'test' } : { name: 'test', cache },
    () => undefined,
    () => undefined,
  );
const result = { tools: [], ttlMs: 60_000 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(sha256Hex).mockClear();
});

/** A store that notes every key it is given. */
class KeyRecordingStore extends LruCacheStore {
  readonly keys: string[] = [];
  override set(key: string, entry: CacheEntry): void {
    this.keys.push(key);
    super.set(key, entry);
  }
}

describe('the 2026-07-28 memory of a client', () => {
  it('with a store of its own, caches without drawing a random identity (no Web Crypto at connect)', () => {
    const crypto = vi.spyOn(globalThis, 'crypto', 'get');
    const cache = memoryOf().cacheFor('node server.mjs', '2026-07-28', {});
    const stop = cache?.listen();
    cache?.put('tools/list', undefined, result);
    expect(cache?.get('tools/list', undefined)).toEqual(result);
    stop?.();
    const unnamed = memoryOf().cacheFor(undefined, '2026-07-28', {});
    unnamed?.put('tools/list', undefined, result);
    expect(unnamed?.get('tools/list', undefined)).toEqual(result);
    expect(crypto).not.toHaveBeenCalled();
  });

  it('with a store of its own, hashes nothing at connect', () => {
    for (let i = 0; i < 3; i++) {
      const cache = memoryOf().cacheFor(`node server-${i}.mjs`, '2026-07-28', { sampling: {} });
      cache?.put('tools/list', undefined, result);
      expect(cache?.get('tools/list', undefined)).toEqual(result);
    }
    expect(sha256Hex).not.toHaveBeenCalled();
  });

  it('with a store of its own, keeps two servers, two protocol versions and two capability sets apart', () => {
    const memory = memoryOf();
    memory.cacheFor('node a.mjs', '2026-07-28', {})?.put('tools/list', undefined, result);
    expect(memory.cacheFor('node b.mjs', '2026-07-28', {})?.get('tools/list', undefined)).toBeUndefined();
    expect(memory.cacheFor('node a.mjs', '2026-09-01', {})?.get('tools/list', undefined)).toBeUndefined();
    expect(memory.cacheFor('node a.mjs', '2026-07-28', { sampling: {} })?.get('tools/list', undefined)).toBeUndefined();
    expect(memory.cacheFor('node a.mjs', '2026-07-28', {})?.get('tools/list', undefined)).toEqual(result);
  });

  it('with a store it was given, keeps a secret identity and the server URL out of its keys', () => {
    const store = new KeyRecordingStore();
    const server = 'https://user:pa55word@example.test/mcp?token=t0ken';
    const cache = memoryOf({ store, identity: 'sk-live-s3cret' }).cacheFor(server, '2026-07-28', {});
    cache?.put('tools/list', undefined, result);
    expect(cache?.get('tools/list', undefined)).toEqual(result);
    expect(store.keys).toHaveLength(1);
    for (const secret of ['s3cret', 'pa55word', 't0ken', 'example.test']) expect(store.keys[0]).not.toContain(secret);
  });

  it('with a store it was given, hashes the same capabilities once for every client', () => {
    const capabilities = { experimental: { 'hash-once-test': {} } };
    memoryOf({ store: new LruCacheStore() }).cacheFor('node server.mjs', '2026-07-28', capabilities);
    const hashes = () => vi.mocked(sha256Hex).mock.calls.filter(([text]) => text.includes('hash-once-test')).length;
    expect(hashes()).toBe(1);
    memoryOf({ store: new LruCacheStore() }).cacheFor('node other.mjs', '2026-07-28', capabilities);
    expect(hashes()).toBe(1);
  });

  it('with a store it was given, hashes its identity once for all its connections', () => {
    const memory = memoryOf({ store: new LruCacheStore(), identity: 'user-1' });
    memory.cacheFor('node server.mjs', '2026-07-28', {});
    const first = vi.mocked(sha256Hex).mock.calls.filter(([text]) => text === 'user-1').length;
    memory.cacheFor('node server.mjs', '2026-07-28', {});
    expect(first).toBe(1);
    expect(vi.mocked(sha256Hex).mock.calls.filter(([text]) => text === 'user-1')).toHaveLength(1);
  });

  it('with a store it was given, keeps its private results from another client of that store', () => {
    const store = new LruCacheStore();
    const first = memoryOf({ store }).cacheFor('node server.mjs', '2026-07-28', {});
    const second = memoryOf({ store }).cacheFor('node server.mjs', '2026-07-28', {});
    first?.put('tools/list', undefined, result);
    expect(first?.get('tools/list', undefined)).toEqual(result);
    expect(second?.get('tools/list', undefined)).toBeUndefined();
  });

  it('with a store it was given and the same identity, shares them', () => {
    const store = new LruCacheStore();
    const first = memoryOf({ store, identity: 'user-1' }).cacheFor('node server.mjs', '2026-07-28', {});
    const second = memoryOf({ store, identity: 'user-1' }).cacheFor('node server.mjs', '2026-07-28', {});
    first?.put('tools/list', undefined, result);
    expect(second?.get('tools/list', undefined)).toEqual(result);
  });

  it("evicts on a list change once, its own invalidation's echo on the store ignored, and another client's heard", () => {
    const store = new LruCacheStore();
    const first = memoryOf({ store, identity: 'user-1' }).cacheFor('node server.mjs', '2026-07-28', {});
    const second = memoryOf({ store, identity: 'user-1' }).cacheFor('node server.mjs', '2026-07-28', {});
    const stops = [first?.listen(), second?.listen()];
    first?.put('tools/list', undefined, result);
    first?.notify('notifications/tools/list_changed', {});
    expect(first?.get('tools/list', undefined)).toBeUndefined();
    first?.put('tools/list', undefined, result);
    expect(second?.get('tools/list', undefined)).toEqual(result);
    second?.notify('notifications/tools/list_changed', {});
    expect(first?.get('tools/list', undefined)).toBeUndefined();
    for (const stop of stops) stop?.();
  });

  it('keeps apart two servers without a description on a store it was given', () => {
    const store = new LruCacheStore();
    const first = memoryOf({ store, identity: 'user-1' }).cacheFor(undefined, '2026-07-28', {});
    const second = memoryOf({ store, identity: 'user-1' }).cacheFor(undefined, '2026-07-28', {});
    first?.put('tools/list', undefined, result);
    expect(second?.get('tools/list', undefined)).toBeUndefined();
  });
});
