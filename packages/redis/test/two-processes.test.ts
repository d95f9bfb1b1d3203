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

  constructor(redisUrl: string) {
    const peer = fileURLToPath(new URL('./helpers/cache-peer.mjs', import.meta.url));
    this.child = spawn(process.execPath, [peer, redisUrl, JSON.stringify(dualEraServerCommand())], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.messages.push(JSON.parse(line) as Record<string, unknown>));
  }

  /** The first message with `key`, once it came. */
  async next(key: string, after = 0): Promise<Record<string, unknown>> {
    return vi.waitFor(
      () => {
        const found = this.messages.slice(after).find((message) => key in message);
        if (found === undefined) throw new Error(`no "${key}" message from the peer yet`);
        return found;
      },
      { timeout: 20_000, interval: 5 },
    );
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
    await once(this.child, 'exit');
  }
}

let server: RedisServer;
let redis: RedisClient;
let shared: RedisCacheStore;
let client: McpClient;
let peer: Peer;
const publishedAt: number[] = [];
let toolsListsSent = 0;

beforeAll(async () => {
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
    await vi.waitFor(async () => expect(await redis.keys('mcpx:cache:*')).toHaveLength(1));

    const theirs = await peer.list();
    expect(theirs).toEqual({ tools: mine, toolsListsSent: 0 });
  });

  it('carry the invalidation one process hears to the other, which then asks its server', async () => {
    // Both processes listen on the invalidation channel before anything is published.
    await vi.waitFor(async () => expect((await redis.pubSubNumSub('mcpx:invalidate'))['mcpx:invalidate']).toBe(2));
    await client.subscribe({ toolsListChanged: true });
    // The server changes its tools and says so to this process only; this process tells the other.
    await client.callTool('touch-resource', {});
    const invalidated = await peer.next('invalidated');
    expect(invalidated.invalidated).toBe('notifications/tools/list_changed');
    expect(publishedAt).toHaveLength(1);
    const latencyMs = (invalidated.at as number) - publishedAt[0]!;
    console.info(`invalidation from publish to the other process: ${latencyMs.toFixed(2)} ms`);
    // The figure is 100 ms; the bound here is generous, for a loaded CI machine.
    expect(latencyMs).toBeLessThan(2000);

    const after = await peer.list();
    expect(after.toolsListsSent).toBe(1);
  });
});
