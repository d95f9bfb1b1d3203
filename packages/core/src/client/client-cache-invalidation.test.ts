import { describe, expect, it, vi } from 'vitest';
import { connected, server } from '../../test/helpers/cache-stores.js';
import type { CacheInvalidation } from '../modern/cache-store.js';
import { LruCacheStore } from '../modern/lru-cache-store.js';
import { sha256Hex } from '../modern/sha256.js';

describe('invalidations published on a store', () => {
  it('evict the entries of a client that did not see the notification', async () => {
    const [mine, theirs] = linkedStores();
    const seen = server('old', 'public');
    const unseen = server('old', 'public');
    const watcher = await connected(seen, { cache: { store: mine, serverKey: 'docs' } });
    const other = await connected(unseen, { cache: { store: theirs, serverKey: 'docs' } });
    await other.client.listTools();
    await other.client.listTools();
    expect(unseen.requests('tools/list')).toHaveLength(1);
    await seen.notify('notifications/tools/list_changed');
    await vi.waitFor(
      async () => {
        await other.client.listTools();
        expect(unseen.requests('tools/list')).toHaveLength(2);
      },
      { timeout: 10_000 },
    );
    await watcher.client.close();
  });

  it('reach the store with the server key and the resource', async () => {
    const store = new LruCacheStore();
    const events: CacheInvalidation[] = [];
    store.subscribe((event) => events.push(event));
    const fake = server('a', 'public');
    await connected(fake, { cache: { store, serverKey: 'docs' } });
    await fake.notify('notifications/tools/list_changed');
    await fake.notify('notifications/resources/updated', { uri: 'file:///a' });
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 10_000 });
    const origin = events[0]?.origin;
    expect(origin).toEqual(expect.any(String));
    const docs = sha256Hex('docs');
    expect(events).toEqual([
      { server: docs, method: 'notifications/tools/list_changed', origin },
      { server: docs, method: 'notifications/resources/updated', uri: 'file:///a', origin },
    ]);
  });

  it('are not evicted again by their publisher when they come back as a copy', async () => {
    const store = new LruCacheStore();
    const listeners: ((event: CacheInvalidation) => void)[] = [];
    // As across processes: every subscriber, the publisher included, gets a new object.
    store.subscribe = (listener) => {
      listeners.push(listener);
      return () => undefined;
    };
    store.publish = (event) => {
      for (const listener of listeners) listener(structuredClone(event));
    };
    const deleted: string[] = [];
    const deletePrefix = store.deletePrefix.bind(store);
    store.deletePrefix = (prefix) => {
      deleted.push(prefix);
      deletePrefix(prefix);
    };
    const fake = server('a', 'public');
    await connected(fake, { cache: { store } });
    await fake.notify('notifications/tools/list_changed');
    await vi.waitFor(() => expect(deleted.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(deleted).toHaveLength(1);
  });

  it('stop reaching a client once it is closed', async () => {
    const { store, listeners } = countedStore();
    const { client } = await connected(server('a', 'public'), { cache: { store } });
    expect(listeners()).toBe(1);
    await client.close();
    expect(listeners()).toBe(0);
  });

  it('stop reaching a client whose transport dropped on its own', async () => {
    const { store, listeners } = countedStore();
    const fake = server('a', 'public');
    const { client } = await connected(fake, { cache: { store } });
    expect(listeners()).toBe(1);
    fake.crash(new Error('gone'));
    expect(client.state).toBe('closed');
    expect(listeners()).toBe(0);
  });
});

/** Two in-process stores of their own linked by one invalidation channel: the shape of a local cache in front of a shared bus. */
function linkedStores(): [LruCacheStore, LruCacheStore] {
  const channel = new LruCacheStore();
  const linked = (): LruCacheStore => {
    const store = new LruCacheStore();
    store.publish = (event: CacheInvalidation) => channel.publish(event);
    store.subscribe = (listener) => channel.subscribe(listener);
    return store;
  };
  return [linked(), linked()];
}

/** An in-memory store that counts its subscribers. */
function countedStore(): { store: LruCacheStore; listeners: () => number } {
  const store = new LruCacheStore();
  let listeners = 0;
  const subscribe = store.subscribe.bind(store);
  store.subscribe = (listener) => {
    listeners++;
    const stop = subscribe(listener);
    return () => {
      listeners--;
      stop();
    };
  };
  return { store, listeners: () => listeners };
}
