// Another process of the fleet: a client of the same server sharing the Redis cache, driven over
// stdin ("list", "close") and answering in JSON lines on stdout. It runs against the built dist.
//   node cache-peer.mjs <redis url> <server command as JSON: { command, args }>
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { connectRedis, redisCacheStore } from '@mcpx/redis';

const [redisUrl, serverJson] = process.argv.slice(2);
const { command, args } = JSON.parse(serverJson);
const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const redis = await connectRedis(redisUrl);
const shared = redisCacheStore(redis);
// The Redis store, telling when this process's CLIENT evicts (it only does on an invalidation it
// heard through its own subscription), so the test sees the client's eviction, not the channel's.
const store = {
  get: (key) => shared.get(key),
  set: (key, entry) => shared.set(key, entry),
  delete: (key) => shared.delete(key),
  // Said once Redis has deleted the entries (the test then looks for them there), timed when the client evicted.
  deletePrefix: async (prefix) => {
    const at = performance.timeOrigin + performance.now();
    await shared.deletePrefix(prefix);
    say({ evicted: prefix, at });
  },
  subscribe: (listener) => shared.subscribe(listener),
  publish: (event) => shared.publish(event),
};
const client = new McpClient({ server: 'dual-era', eraCache: false, cache: { store } });
let toolsListsSent = 0;
client.on('request', ({ method }) => {
  if (method === 'tools/list') toolsListsSent++;
});
await client.connect(new StdioTransport({ command, args, stderr: 'ignore' }));
say({ ready: true });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'list') {
    const { tools } = await client.listTools();
    say({ tools: tools.map((tool) => tool.description ?? tool.name), toolsListsSent });
  } else if (line === 'close') {
    await client.close();
    await shared.close();
    await redis.close();
    say({ closed: true });
    break;
  }
}
