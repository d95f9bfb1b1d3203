import { afterEach, describe, expect, it, vi } from 'vitest';
import { LruCacheStore } from './lru-cache-store.js';
import { ModernMemory } from './modern-memory.js';

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
});

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
