import { afterEach, describe, expect, it, vi } from 'vitest';
import { LruCacheStore } from './lru-cache-store.js';
import { ModernMemory } from './modern-memory.js';

const memoryOf = (cache: ConstructorParameters<typeof ModernMemory>[0]['cache']) =>
  new ModernMemory(
    { name: 'test', cache },
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
    const cache = memoryOf(undefined).cacheFor('node server.mjs', '2026-07-28', {});
    cache?.put('tools/list', undefined, result);
    expect(cache?.get('tools/list', undefined)).toEqual(result);
    const unnamed = memoryOf(undefined).cacheFor(undefined, '2026-07-28', {});
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

  it('keeps apart two servers without a description on a store it was given', () => {
    const store = new LruCacheStore();
    const first = memoryOf({ store, identity: 'user-1' }).cacheFor(undefined, '2026-07-28', {});
    const second = memoryOf({ store, identity: 'user-1' }).cacheFor(undefined, '2026-07-28', {});
    first?.put('tools/list', undefined, result);
    expect(second?.get('tools/list', undefined)).toBeUndefined();
  });
});
