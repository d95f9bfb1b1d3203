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
const store = redisCacheStore(redis);
// When an invalidation reaches this process: the client's own listener evicts on the same message.
store.subscribe((event) => say({ invalidated: event.method, at: performance.timeOrigin + performance.now() }));
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
    await store.close();
    await redis.close();
    say({ closed: true });
    break;
  }
}
