import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, redisEraStore, type RedisClient } from '../src/index.js';

let server: RedisServer;
let redis: RedisClient;

beforeAll(async () => {
  server = await startRedisServer();
  redis = await connectRedis(server.url);
});

afterAll(async () => {
  await redis.close();
  await server.stop();
});

/** Connects a new client of server-everything (a legacy server) with the era cache on Redis; answers the methods it sent. */
async function connectAndList(): Promise<string[]> {
  // Each client has a store of its own over the same Redis, as a process of its own would.
  const client = new McpClient({ server: 'everything', eraCache: redisEraStore(redis) });
  const sent: string[] = [];
  client.on('request', ({ method }) => sent.push(method));
  await client.connect(new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore' }));
  await client.close();
  return sent;
}

describe('the era cache on Redis', () => {
  it('spares a later client the era probe of a legacy server another client learned', async () => {
    expect(await connectAndList()).toEqual(['server/discover', 'initialize']);
    // The era is written without waiting: wait until Redis holds it.
    await vi.waitFor(async () => expect(await redis.keys('mcpx:era:*')).toHaveLength(1), { timeout: 10_000 });
    const [key] = await redis.keys('mcpx:era:*');
    expect(await redis.get(key!)).toBe('legacy');
    expect(await connectAndList()).toEqual(['initialize']);
  });
});
