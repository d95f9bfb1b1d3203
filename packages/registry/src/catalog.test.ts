import type { Tool } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { CatalogCache } from './catalog.js';

const tool = (name: string): Tool => ({ name, inputSchema: { type: 'object' } });

function cache(ttlMs = 1000): { cache: CatalogCache; advance: (ms: number) => void } {
  let now = 0;
  return { cache: new CatalogCache(ttlMs, () => now), advance: (ms) => (now += ms) };
}

function counting(
  items: Tool[],
  ttlMs?: number,
): { fetch: () => Promise<{ items: Tool[]; ttlMs: number | undefined }>; count: () => number } {
  let count = 0;
  return {
    fetch: async () => {
      count++;
      return { items, ttlMs };
    },
    count: () => count,
  };
}

describe('the catalog cache', () => {
  it('serves a list from the cache until the default TTL passes', async () => {
    const { cache: c, advance } = cache(1000);
    const source = counting([tool('a')]);
    await c.get('s', 'tools', source.fetch);
    advance(999);
    await c.get('s', 'tools', source.fetch);
    expect(source.count()).toBe(1);
    advance(1);
    await c.get('s', 'tools', source.fetch);
    expect(source.count()).toBe(2);
  });

  it('keeps a list as long as the server said with ttlMs, shorter or longer than the default', async () => {
    const { cache: c, advance } = cache(1000);
    const short = counting([tool('a')], 100);
    const long = counting([tool('b')], 5000);
    await c.get('short', 'tools', short.fetch);
    await c.get('long', 'tools', long.fetch);
    advance(100);
    await c.get('short', 'tools', short.fetch);
    advance(4000);
    await c.get('long', 'tools', long.fetch);
    expect([short.count(), long.count()]).toEqual([2, 1]);
  });

  it('refetches on refresh even while fresh', async () => {
    const { cache: c } = cache();
    const source = counting([tool('a')]);
    await c.get('s', 'tools', source.fetch);
    await c.get('s', 'tools', source.fetch, true);
    expect(source.count()).toBe(2);
  });

  it('shares one fetch among callers asking at the same time', async () => {
    const { cache: c } = cache();
    const source = counting([tool('a')]);
    const lists = await Promise.all([
      c.get('s', 'tools', source.fetch),
      c.get('s', 'tools', source.fetch),
      c.get('s', 'tools', source.fetch),
    ]);
    expect(source.count()).toBe(1);
    expect(lists.map((list) => list.map((t) => t.name))).toEqual([['a'], ['a'], ['a']]);
  });

  it('refetches an invalidated list on next use, but still shows it until then', async () => {
    const { cache: c } = cache();
    const source = counting([tool('a')]);
    await c.get('s', 'tools', source.fetch);
    c.invalidate('s', 'tools');
    expect(c.peek('s', 'tools')?.map((t) => t.name)).toEqual(['a']);
    await c.get('s', 'tools', source.fetch);
    expect(source.count()).toBe(2);
  });

  it('keeps a list that was being fetched when it was invalidated as stale: it routes, and the next use fetches again', async () => {
    const { cache: c } = cache();
    let release!: () => void;
    const slow = async (): Promise<{ items: Tool[]; ttlMs: undefined }> => {
      await new Promise<void>((resolve) => (release = resolve));
      return { items: [tool('old')], ttlMs: undefined };
    };
    const pending = c.get('s', 'tools', slow);
    await Promise.resolve();
    c.invalidate('s', 'tools');
    release();
    expect((await pending).map((t) => t.name)).toEqual(['old']);
    expect(c.peek('s', 'tools')?.map((t) => t.name)).toEqual(['old']);
    const source = counting([tool('new')]);
    expect((await c.get('s', 'tools', source.fetch)).map((t) => t.name)).toEqual(['new']);
    expect(source.count()).toBe(1);
  });

  it('does not bring back a forgotten server with a list that was being fetched', async () => {
    const { cache: c } = cache();
    let release!: () => void;
    const pending = c.get('s', 'tools', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { items: [tool('a')], ttlMs: undefined };
    });
    await Promise.resolve();
    c.forget('s');
    release();
    await pending;
    expect(c.peek('s', 'tools')).toBeUndefined();
  });

  it('tells which list changed when one is fetched or forgotten, and nothing when one is only invalidated', async () => {
    const changes: string[] = [];
    const c = new CatalogCache(
      1000,
      () => 0,
      (server, kind) => changes.push(`${server}/${kind}`),
    );
    await c.get('s', 'tools', counting([tool('a')]).fetch);
    await c.get('t', 'prompts', counting([]).fetch);
    expect(changes).toEqual(['s/tools', 't/prompts']);
    c.invalidate('s');
    expect(changes).toHaveLength(2);
    c.forget('t');
    expect(changes.slice(2)).toEqual(['t/tools', 't/resources', 't/prompts']);
  });

  it('keeps the servers and the three kinds apart, and forgets a server entirely', async () => {
    const { cache: c } = cache();
    await c.get('s', 'tools', counting([tool('a')]).fetch);
    await c.get('t', 'tools', counting([tool('b')]).fetch);
    expect(c.peek('s', 'prompts')).toBeUndefined();
    c.forget('s');
    expect(c.peek('s', 'tools')).toBeUndefined();
    expect(c.peek('t', 'tools')?.map((t) => t.name)).toEqual(['b']);
  });
});
