import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-store.js';
import { GuardedStore } from './guarded-store.js';
import { LruCacheStore } from './lru-cache-store.js';

describe('a guarded store', () => {
  it('still subscribes while a failed read keeps the store in its backoff period', async () => {
    const store = new LruCacheStore();
    // An asynchronous store whose reads fail, as Redis does while it is down.
    store.get = ((): Promise<CacheEntry | undefined> => Promise.reject(new Error('redis is down'))) as unknown as LruCacheStore['get'];
    const guarded = new GuardedStore(store, { timeoutMs: 60_000, retryMs: 60_000, warn: () => undefined, server: undefined });
    expect(await guarded.get('key')).toBeUndefined();
    // The read is now skipped for a minute; a session opened meanwhile must still hear invalidations.
    expect(guarded.get('key')).toBeUndefined();
    const heard: string[] = [];
    const stop = guarded.subscribe((event) => heard.push(event.method));
    expect(stop).toBeTypeOf('function');
    store.publish({ server: 's', method: 'notifications/tools/list_changed' });
    expect(heard).toEqual(['notifications/tools/list_changed']);
  });
});
