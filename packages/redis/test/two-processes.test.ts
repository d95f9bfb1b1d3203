// The other process runs the built dist of @mcpx/redis, @mcpx/core and @mcpx/stdio: `pnpm build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { McpClient, type CacheStore } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { dualEraServerCommand, startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, redisCacheStore, type RedisClient, type RedisCacheStore } from '../src/index.js';

/** The other process: `test/helpers/cache-peer.mjs`, a client of the same server on the same Redis. */
class Peer {
  readonly messages: Record<string, unknown>[] = [];
  private readonly child: ChildProcess;
  private stderr = '';
  /** Rejects once the peer exits, with its code and what it wrote on stderr. */
  private readonly exited: Promise<never>;

  constructor(redisUrl: string) {
    const peer = fileURLToPath(new URL('./helpers/cache-peer.mjs', import.meta.url));
    this.child = spawn(process.execPath, [peer, redisUrl, JSON.stringify(dualEraServerCommand())], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.messages.push(JSON.parse(line) as Record<string, unknown>));
    this.exited = once(this.child, 'exit').then(([code]) => {
      const stale = /does not provide an export|Cannot find (module|package)/.test(this.stderr)
        ? ' (it runs the built dist: run pnpm build)'
        : '';
      throw new Error(`the peer process exited with code ${String(code)}${stale}:\n${this.stderr}`);
    });
    // Its rejection is for next() and close() to see; unobserved, it would be an unhandled rejection.
    this.exited.catch(() => undefined);
  }

  /** The first message with `key` after the first `after` messages, once it came; rejects if the peer exits first. */
  async next(key: string, after = 0): Promise<Record<string, unknown>> {
    const found = vi.waitFor(
      () => {
        const message = this.messages.slice(after).find((candidate) => key in candidate);
        if (message === undefined) throw new Error(`no "${key}" message from the peer yet`);
        return message;
      },
      { timeout: 20_000, interval: 5 },
    );
    return Promise.race([found, this.exited]);
  }

  /** Asks the peer to list tools; answers its tool descriptions and how many tools/list it has sent. */
  async list(): Promise<{ tools: string[]; toolsListsSent: number }> {
    const after = this.messages.length;
    this.child.stdin!.write('list\n');
    return (await this.next('tools', after)) as { tools: string[]; toolsListsSent: number };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.stdin!.end('close\n');
    // Exiting is what close() asked for: the rejection only says it happened.
    await this.exited.catch(() => undefined);
  }
}

let server: RedisServer;
let redis: RedisClient;
let shared: RedisCacheStore;
let client: McpClient;
let peer: Peer;
const publishedAt: number[] = [];
let toolsListsSent = 0;
/** While true, this process's deletions do not reach Redis: only the peer's own eviction can remove an entry. */
let keepEntries = false;

/** Fails at once, saying what to do, when the built dist the peer runs lacks an export of the source. */
async function checkDist(): Promise<void> {
  const dist = new URL('../dist/index.js', import.meta.url).href;
  // A dist that cannot be loaded lacks every export, which the error below says.
  const built: Record<string, unknown> = await import(/* @vite-ignore */ dist).catch(() => ({}));
  const missing = Object.keys(await import('../src/index.js')).filter((name) => !(name in built));
  if (missing.length > 0)
    throw new Error(`the built dist of @mcpx/redis lacks ${missing.join(', ')}: run pnpm build (the peer process runs it)`);
}

beforeAll(async () => {
  await checkDist();
  server = await startRedisServer();
  redis = await connectRedis(server.url);
  shared = redisCacheStore(redis);
  // The real store, noting when this process publishes an invalidation.
  const store: CacheStore = {
    ...shared,
    publish: (event) => {
      publishedAt.push(performance.timeOrigin + performance.now());
      return shared.publish(event);
    },
    delete: (key) => (keepEntries ? undefined : shared.delete(key)),
    deletePrefix: (prefix) => (keepEntries ? undefined : shared.deletePrefix(prefix)),
  };
  client = new McpClient({ server: 'dual-era', eraCache: false, cache: { store } });
  client.on('request', ({ method }) => {
    if (method === 'tools/list') toolsListsSent++;
  });
  await client.connect(new StdioTransport({ ...dualEraServerCommand(), stderr: 'ignore' }));
  peer = new Peer(server.url);
  await peer.next('ready');
});

afterAll(async () => {
  await peer.close();
  await client.close();
  await shared.close();
  await redis.close();
  await server.stop();
});

describe('two processes sharing the Redis cache', () => {
  it("answer the second process's tools/list from the cache the first filled", async () => {
    const mine = (await client.listTools()).tools.map((tool) => tool.description ?? tool.name);
    expect(toolsListsSent).toBe(1);
    // The put is not waited for by listTools: wait until Redis holds it.
    await vi.waitFor(async () => expect(await redis.keys('mcpx:cache:*')).toHaveLength(1), { timeout: 10_000 });

    const theirs = await peer.list();
    expect(theirs).toEqual({ tools: mine, toolsListsSent: 0 });
  });

  it("carry the invalidation one process hears to the other's client, which evicts and then asks its server", async () => {
    // Both processes listen on the invalidation channel before anything is published.
    await vi.waitFor(async () => expect((await redis.pubSubNumSub('mcpx:invalidate'))['mcpx:invalidate']).toBe(2), { timeout: 10_000 });
    await client.subscribe({ toolsListChanged: true });
    // This process's own deletion is held back: the entry in Redis goes only if the peer's client evicts it.
    keepEntries = true;
    const seen = peer.messages.length;
    // The server changes its tools and says so to this process only; this process tells the other.
    await client.callTool('touch-resource', {});
    const evicted = await peer.next('evicted', seen);
    expect(evicted.evicted).toMatch(/^v1 "[0-9a-f]{64}" tools\/list $/);
    expect(await redis.keys('mcpx:cache:*')).toEqual([]);
    const after = await peer.list();
    expect(after.toolsListsSent).toBe(1);
    keepEntries = false;
  });

  it('carry invalidations to the other process within 100 ms (the median of 20)', async () => {
    const latenciesMs: number[] = [];
    for (let round = 0; round < 20; round++) {
      const seen = peer.messages.length;
      const published = publishedAt.length;
      await client.callTool('touch-resource', {});
      const evicted = await peer.next('evicted', seen);
      await vi.waitFor(() => expect(publishedAt.length).toBeGreaterThan(published), { timeout: 10_000 });
      latenciesMs.push((evicted.at as number) - publishedAt[published]!);
    }
    latenciesMs.sort((a, b) => a - b);
    const medianMs = latenciesMs[10]!;
    console.info(
      `invalidation from publish to the other process's eviction: median ${medianMs.toFixed(2)} ms, max ${latenciesMs[19]!.toFixed(2)} ms`,
    );
    // The figure; the median, not the max, so that a pause of a loaded machine does not fail it.
    expect(medianMs).toBeLessThan(100);
  });
});
