import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../middleware/request-context.js';
import { cacheKey, cacheVariant, identityKey } from './cache-key.js';
import { GuardedStore } from './guarded-store.js';
import { LruCacheStore } from './lru-cache-store.js';
import { ResponseCache } from './response-cache.js';

function setup(store = new LruCacheStore(3)) {
  let now = 1000;
  const guarded = new GuardedStore(store, { timeoutMs: 60_000, warn: () => undefined, server: undefined });
  const cacheOf = (server: string, identity: string) => new ResponseCache(guarded, server, identityKey(identity), () => now);
  return { cache: cacheOf('srv', 'me'), cacheOf, store, advance: (ms: number) => (now += ms) };
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
    const key = (method: string, params: Record<string, unknown>) => cacheKey('srv', method, params, 'public', 'me');
    expect(key('resources/read', { uri: 'a', _meta: { x: 1 } })).toBe(key('resources/read', { uri: 'a' }));
    expect(key('x', { a: 1, b: 2 })).toBe(key('x', { b: 2, a: 1 }));
    expect(key('resources/read', { uri: 'a' })).not.toBe(key('resources/read', { uri: 'b' }));
  });

  it('keys private results on the identity and the request context, leaving out its undefined fields', () => {
    const key = (identity: string, context?: Record<string, string | undefined>) =>
      cacheKey('srv', 'tools/list', undefined, 'private', identity, context);
    expect(key('me', { userId: 'alice' })).not.toBe(key('me', { userId: 'bob' }));
    expect(key('me', { userId: 'alice' })).not.toBe(key('me'));
    expect(key('me', { userId: 'alice', sessionId: undefined })).toBe(key('me', { userId: 'alice' }));
    expect(key('me')).not.toBe(key('you'));
  });

  it('keys results on the protocol version and the client capabilities, under the v1 tag', () => {
    const key = (variant: string) => cacheKey('srv', 'tools/list', undefined, 'public', 'me', undefined, variant);
    const base = cacheVariant('2026-07-28', { sampling: {} });
    expect(key(base)).toMatch(/^v1 /);
    expect(key(base)).toBe(key(cacheVariant('2026-07-28', { sampling: {} })));
    expect(key(base)).not.toBe(key(cacheVariant('2026-09-01', { sampling: {} })));
    expect(key(base)).not.toBe(key(cacheVariant('2026-07-28', { sampling: {}, elicitation: {} })));
  });

  it('keys private results on who asks, not on the rest of the request context', () => {
    const key = (context: RequestContext) => cacheKey('srv', 'tools/list', undefined, 'private', 'me', context);
    const who = { userId: 'alice', sessionId: 's', clientId: 'c' };
    expect(key({ ...who, ttlMs: 5, priority: 1, tags: ['a'], metadata: { trace: 'x' } })).toBe(key(who));
    expect(key({ ...who, clientId: 'd' })).not.toBe(key(who));
  });

  it('keys every result on the server, so that no server prefix starts another', () => {
    expect(cacheKey('a', 'tools/list', undefined, 'public', 'me')).not.toBe(cacheKey('b', 'tools/list', undefined, 'public', 'me'));
    expect(
      cacheKey('a b', 'tools/list', undefined, 'public', 'me').startsWith(cacheKey('a', 'tools/list', undefined, 'public', 'me')),
    ).toBe(false);
  });

  it('shares a public result with other identities, and keeps a private one or one without cacheScope to its own', () => {
    const { cacheOf } = setup();
    const mine = cacheOf('srv', 'me');
    const theirs = cacheOf('srv', 'you');
    mine.put('tools/list', undefined, { tools: [], ttlMs: 1e6, cacheScope: 'public' });
    mine.put('prompts/list', undefined, { prompts: [], ttlMs: 1e6, cacheScope: 'private' });
    mine.put('resources/list', undefined, { resources: [], ttlMs: 1e6 });
    expect(theirs.get('tools/list', undefined)).toBeDefined();
    expect(theirs.get('prompts/list', undefined)).toBeUndefined();
    expect(theirs.get('resources/list', undefined)).toBeUndefined();
    expect(mine.get('prompts/list', undefined)).toBeDefined();
    expect(mine.get('resources/list', undefined)).toBeDefined();
  });

  it('never serves one server the public result of another', () => {
    const { cacheOf } = setup();
    cacheOf('one', 'me').put('tools/list', undefined, { tools: [], ttlMs: 1e6, cacheScope: 'public' });
    expect(cacheOf('two', 'me').get('tools/list', undefined)).toBeUndefined();
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

  it('evicts an updated resource for every request context and scope, of its server only', () => {
    const { cacheOf, store } = setup(new LruCacheStore(10));
    const cache = cacheOf('srv', 'me');
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6 }, { userId: 'alice' });
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6 }, { userId: 'bob' });
    cache.put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6, cacheScope: 'public' });
    cacheOf('other', 'me').put('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1e6, cacheScope: 'public' });
    cache.notify('notifications/resources/updated', { uri: 'a' });
    expect(cache.get('resources/read', { uri: 'a' }, { userId: 'alice' })).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'a' }, { userId: 'bob' })).toBeUndefined();
    expect(store.get(cacheKey('other', 'resources/read', { uri: 'a' }, 'public', 'me'))).toBeDefined();
  });

  it('reads a value under its key that is not an entry as a miss', () => {
    const { cache, store } = setup();
    // Fresh and object-shaped but for its value: only the shape check makes it a miss.
    store.set(cacheKey('srv', 'tools/list', undefined, 'public', 'me'), { value: 'x', expiresAt: 1e15 } as never);
    expect(cache.get('tools/list', undefined)).toBeUndefined();
  });

  it('does not keep a result fetched across an invalidation of its method', () => {
    const { cache } = setup();
    const before = cache.generation('tools/list');
    cache.notify('notifications/tools/list_changed', {});
    cache.put('tools/list', undefined, { tools: [], ttlMs: 1000, cacheScope: 'public' }, undefined, before);
    expect(cache.get('tools/list', undefined)).toBeUndefined();
  });

  it('keeps a result fetched across an invalidation of another method', () => {
    const { cache } = setup();
    const before = cache.generation('tools/list');
    cache.notify('notifications/prompts/list_changed', {});
    cache.put('tools/list', undefined, { tools: [], ttlMs: 1000, cacheScope: 'public' }, undefined, before);
    expect(cache.get('tools/list', undefined)).toEqual({ tools: [], ttlMs: 1000, cacheScope: 'public' });
  });

  it('forgets the least recently used entry past its size', () => {
    const { cache } = setup();
    for (const uri of ['a', 'b', 'c']) cache.put('resources/read', { uri }, { contents: [], ttlMs: 1e6, cacheScope: 'public' });
    expect(cache.get('resources/read', { uri: 'a' })).toBeDefined();
    cache.put('resources/read', { uri: 'd' }, { contents: [], ttlMs: 1e6, cacheScope: 'public' });
    expect(cache.get('resources/read', { uri: 'b' })).toBeUndefined();
    expect(cache.get('resources/read', { uri: 'a' })).toBeDefined();
  });
});
