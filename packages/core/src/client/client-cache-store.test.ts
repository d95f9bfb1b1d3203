import { describe, expect, it, vi } from 'vitest';
import { AsyncStore, connected, HeldStore, server, SilentStore, toolNames } from '../../test/helpers/cache-stores.js';
import { CacheStoreError } from '../errors/cache-store-error.js';
import type { CacheStore } from '../modern/cache-store.js';
import { LruCacheStore } from '../modern/lru-cache-store.js';
import { sha256Hex } from '../modern/sha256.js';

describe('a response cache on an asynchronous store', () => {
  it('serves a list from the store once the store has it', async () => {
    const fake = server('a', 'public');
    const store = new AsyncStore();
    const { client } = await connected(fake, { cache: { store } });
    await client.listTools();
    await vi.waitFor(() => expect(store.entries.size).toBe(1), { timeout: 10_000 });
    await client.listTools();
    expect(fake.requests('tools/list')).toHaveLength(1);
  });

  it('never fails a call when the store rejects, and warns once', async () => {
    const store = new AsyncStore();
    store.failure = new Error('connection refused');
    const fake = server('a', 'public');
    const { client, warnings } = await connected(fake, { server: 'docs', cache: { store, storeRetryMs: 0 } });
    expect(await toolNames(client)).toEqual(['a']);
    expect(await toolNames(client)).toEqual(['a']);
    await vi.waitFor(() => expect(store.settled).toBe(store.gets + store.sets), { timeout: 10_000 });
    expect(fake.requests('tools/list')).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(CacheStoreError.isInstance(warnings[0]?.error)).toBe(true);
    expect(warnings[0]?.error.message).toContain('server "docs"');
    expect((warnings[0]?.error as CacheStoreError).cause).toBe(store.failure);
  });

  it('never fails a call when the store throws', async () => {
    const store: CacheStore = {
      get: () => {
        throw new Error('broken');
      },
      set: () => {
        throw new Error('broken');
      },
      delete: () => undefined,
      deletePrefix: () => undefined,
    };
    const { client, warnings } = await connected(server('a', 'public'), { cache: { store } });
    expect(await toolNames(client)).toEqual(['a']);
    expect(warnings).toHaveLength(1);
  });

  it('connects and warns when the store cannot subscribe', async () => {
    const store = new LruCacheStore();
    store.subscribe = () => {
      throw new Error('redis is down');
    };
    const { client, warnings } = await connected(server('a', 'public'), { cache: { store } });
    expect(client.state).toBe('connected');
    expect(await toolNames(client)).toEqual(['a']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.error.message).toContain('subscribe: redis is down');
  });

  it('goes to the server when the store does not answer within storeTimeoutMs, and warns once', async () => {
    const store = new SilentStore();
    const fake = server('a', 'public');
    const { client, warnings } = await connected(fake, { cache: { store, storeTimeoutMs: 500 } });
    const started = performance.now();
    expect(await toolNames(client)).toEqual(['a']);
    // One timeout for both reads: well under the two timeouts in a row it would take them one after the other.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fake.requests('tools/list')).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.error.message).toContain('no answer within 500 ms');
  });

  it('reads the private and the public entries at once', async () => {
    const store = new HeldStore();
    const { client } = await connected(server('a', 'public'), { cache: { store, storeTimeoutMs: 60_000 } });
    const listed = toolNames(client);
    await vi.waitFor(() => expect(store.held.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(store.held).toHaveLength(2);
    store.answer();
    expect(await listed).toEqual(['a']);
  });

  it('skips a failing store until its backoff period is over', async () => {
    const store = new AsyncStore();
    store.failure = new Error('down');
    const fake = server('a', 'public');
    const { client, warnings } = await connected(fake, { cache: { store, storeRetryMs: 60_000 } });
    for (let call = 0; call < 3; call++) expect(await toolNames(client)).toEqual(['a']);
    expect(store.gets).toBe(2);
    expect(store.sets).toBe(0);
    expect(fake.requests('tools/list')).toHaveLength(3);
    expect(warnings).toHaveLength(1);
  });

  it('ignores answers that arrive after the timeout, and warns once for a store that stays slow', async () => {
    const store = new AsyncStore(300);
    const { client, warnings } = await connected(server('a', 'public'), { cache: { store, storeTimeoutMs: 20, storeRetryMs: 0 } });
    for (let call = 0; call < 3; call++) await client.listTools();
    await vi.waitFor(() => expect(store.settled).toBe(store.gets + store.sets), { timeout: 10_000 });
    expect(warnings).toHaveLength(1);
  });

  it('warns once while sets fail, however many gets succeed', async () => {
    const store = new AsyncStore();
    store.failure = new Error('read only');
    store.onlySetsFail = true;
    const { client, warnings } = await connected(server('a', 'public'), { cache: { store, storeRetryMs: 0 } });
    for (let call = 0; call < 3; call++) {
      await client.listTools();
      await vi.waitFor(() => expect(store.settled).toBe(store.gets + store.sets), { timeout: 10_000 });
    }
    expect(store.sets).toBe(3);
    expect(warnings).toHaveLength(1);
  });

  it('warns again after the store recovered and failed anew', async () => {
    const store = new AsyncStore();
    const { client, warnings } = await connected(server('a', 'public'), { cache: { store, storeRetryMs: 0 } });
    const settled = () => vi.waitFor(() => expect(store.settled).toBe(store.gets + store.sets), { timeout: 10_000 });
    store.failure = new Error('down');
    await client.listTools();
    await settled();
    store.failure = undefined;
    await client.listTools();
    await settled();
    store.entries.clear();
    store.failure = new Error('down again');
    await client.listTools();
    await settled();
    expect(warnings.map((warning) => (warning.error as CacheStoreError).cause)).toEqual([new Error('down'), new Error('down again')]);
  });
});

describe('a store shared by several clients', () => {
  it('keeps the server key out of the store in plaintext', async () => {
    const store = new LruCacheStore();
    const keys: string[] = [];
    const set = store.set.bind(store);
    store.set = (key, entry) => {
      keys.push(key);
      set(key, entry);
    };
    const { client } = await connected(server('a', 'public'), {
      cache: { store, serverKey: 'https://user:secret@example.com/mcp?token=t0k' },
    });
    await client.listTools();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(sha256Hex('https://user:secret@example.com/mcp?token=t0k'));
    expect(keys[0]).not.toContain('secret');
    expect(keys[0]).not.toContain('t0k');
  });

  it('keeps the entries of two servers apart', async () => {
    const store = new LruCacheStore();
    const one = await connected(server('one', 'public'), { cache: { store } });
    const two = await connected(server('two', 'public'), { cache: { store } });
    expect(await toolNames(one.client)).toEqual(['one']);
    expect(await toolNames(two.client)).toEqual(['two']);
  });

  it('shares a public result between clients of the same server key, whatever their identities', async () => {
    const store = new LruCacheStore();
    const fake = server('a', 'public');
    const first = await connected(fake, { cache: { store, serverKey: 'docs', identity: 'alice' } });
    const second = await connected(server('not asked', 'public'), { cache: { store, serverKey: 'docs', identity: 'bob' } });
    await first.client.listTools();
    expect(await toolNames(second.client)).toEqual(['a']);
  });

  it('does not share a private result between clients by default', async () => {
    const store = new LruCacheStore();
    const first = await connected(server('for the first', 'private'), { cache: { store, serverKey: 'docs' } });
    const second = await connected(server('for the second', 'private'), { cache: { store, serverKey: 'docs' } });
    await first.client.listTools();
    expect(await toolNames(second.client)).toEqual(['for the second']);
  });

  it('shares a private result between clients given the same identity, and not with another', async () => {
    const store = new LruCacheStore();
    const shared = { store, serverKey: 'docs' };
    const alice = await connected(server('for alice'), { cache: { ...shared, identity: 'alice' } });
    const aliceAgain = await connected(server('not asked'), { cache: { ...shared, identity: 'alice' } });
    const bob = await connected(server('for bob'), { cache: { ...shared, identity: 'bob' } });
    await alice.client.listTools();
    expect(await toolNames(aliceAgain.client)).toEqual(['for alice']);
    expect(await toolNames(bob.client)).toEqual(['for bob']);
  });

  it('evicts in every client when one of them sees list_changed', async () => {
    const store = new LruCacheStore();
    const fake = server('a', 'public');
    const watcher = await connected(fake, { cache: { store, serverKey: 'docs' } });
    const otherFake = server('b', 'public');
    const other = await connected(otherFake, { cache: { store, serverKey: 'docs' } });
    expect(await toolNames(other.client)).toEqual(['b']);
    await fake.notify('notifications/tools/list_changed');
    await vi.waitFor(
      async () => {
        expect(await toolNames(other.client)).toEqual(['b']);
        expect(otherFake.requests('tools/list')).toHaveLength(2);
      },
      { timeout: 10_000 },
    );
    expect(await toolNames(watcher.client)).toEqual(['b']);
  });
});
