import { describe, expect, it } from 'vitest';
import { LruCacheStore } from './cache-store.js';
import { ResponseCache, cacheKey } from './response-cache.js';

function setup() {
  let now = 1000;
  const cache = new ResponseCache(new LruCacheStore(3), () => now);
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('the response cache', () => {
  it('keeps a result for its ttlMs and no longer', () => {
    const { cache, advance } = setup();
    cache.put('tools/list', undefined, { tools: [], ttlMs: 100 });
    advance(99);
    expect(cache.get('tools/list', undefined)).toEqual({ tools: [], ttlMs: 100 });
    advance(1);
    expect(cache.get('tools/list', undefined)).toBeUndefined();
  });

  it('caches nothing without a positive ttlMs, or for methods without cache hints', () => {
    const { cache } = setup();
    cache.put('tools/list', undefined, { tools: [] });
    cache.put('tools/list', { cursor: 'a' }, { tools: [], ttlMs: 0 });
    cache.put('tools/call', { name: 'x' }, { content: [], ttlMs: 1000 });
    expect(cache.get('tools/list', undefined)).toBeUndefined();
    expect(cache.get('tools/list', { cursor: 'a' })).toBeUndefined();
    expect(cache.get('tools/call', { name: 'x' })).toBeUndefined();
  });

  it('keys on the params that matter, ignoring _meta and key order', () => {
    expect(cacheKey('resources/read', { uri: 'a', _meta: { x: 1 } })).toBe(cacheKey('resources/read', { uri: 'a' }));
    expect(cacheKey('x', { a: 1, b: 2 })).toBe(cacheKey('x', { b: 2, a: 1 }));
    expect(cacheKey('resources/read', { uri: 'a' })).not.toBe(cacheKey('resources/read', { uri: 'b' }));
  });

  it('evicts on list-changed and resource-updated notifications', () => {
    const { cache } = setup();
    cache.put('tools/list', undefined, { tools: [], ttlMs: 1e6 });
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6 });
    cache.put('resources/read', { uri: 'b' }, { contents: [], ttlMs: 1e6 });
    cache.notify('notifications/tools/list_changed', {});
    cache.notify('notifications/resources/updated', { uri: 'a' });
    expect(cache.get('tools/list', undefined)).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'a' })).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'b' })).toBeDefined();
  });

  it('keys on the request context, leaving out its undefined fields', () => {
    expect(cacheKey('tools/list', undefined, { userId: 'alice' })).not.toBe(cacheKey('tools/list', undefined, { userId: 'bob' }));
    expect(cacheKey('tools/list', undefined, { userId: 'alice' })).not.toBe(cacheKey('tools/list', undefined));
    expect(cacheKey('tools/list', undefined, { userId: 'alice', sessionId: undefined })).toBe(
      cacheKey('tools/list', undefined, { userId: 'alice' }),
    );
  });

  it('evicts an updated resource for every request context', () => {
    const { cache } = setup();
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6 }, { userId: 'alice' });
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6 }, { userId: 'bob' });
    cache.notify('notifications/resources/updated', { uri: 'a' });
    expect(cache.get('resources/read', { uri: 'a' }, { userId: 'alice' })).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'a' }, { userId: 'bob' })).toBeUndefined();
  });

  it('forgets the least recently used entry past its size', () => {
    const { cache } = setup();
    for (const uri of ['a', 'b', 'c']) cache.put('resources/read', { uri }, { contents: [], ttlMs: 1e6 });
    cache.get('resources/read', { uri: 'a' });
    cache.put('resources/read', { uri: 'd' }, { contents: [], ttlMs: 1e6 });
    expect(cache.get('resources/read', { uri: 'b' })).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'a' })).toBeDefined();
  });
});
