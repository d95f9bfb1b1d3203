// Two clients sharing one response cache on Redis, as two processes of a fleet would: the second
// client's tools/list is answered from the entry the first one put there, and a list_changed one
// client hears evicts it for both. Needs a Redis: REDIS_URL (default redis://127.0.0.1:6379).
import { fileURLToPath } from 'node:url';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { connectRedis, redisCacheStore, redisEraStore, RedisConnectError } from '@mcpx/redis';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis;
try {
  redis = await connectRedis(url);
} catch (error) {
  if (!RedisConnectError.isInstance(error)) throw error;
  console.error(error.message); // names the URL (password redacted) and what to check
  process.exit(1);
}
// A prefix of its own, so that the example leaves other keys of that Redis alone.
const store = redisCacheStore(redis, { prefix: 'mcpx-example:' });
await store.deletePrefix(''); // start from an empty cache
const eraCache = redisEraStore(redis, { prefix: 'mcpx-example:' });

const server = { command: process.execPath, args: [fileURLToPath(new URL('./cached-server.mjs', import.meta.url))] };
async function connect(name) {
  const client = new McpClient({ name, server: 'catalog', cache: { store }, eraCache });
  const sent = [];
  client.on('request', ({ method }) => sent.push(method));
  client.on('warning', ({ error }) => console.warn(`${name}: ${error.message}`)); // Redis lost: calls go on uncached
  await client.connect(new StdioTransport({ ...server, stderr: 'ignore' }));
  const listTools = async () => {
    const before = sent.length;
    const { tools } = await client.listTools();
    const from = sent.slice(before).includes('tools/list') ? 'the server' : 'Redis';
    console.log(`${name}: ${tools.length} tool(s) from ${from}`);
  };
  return { client, listTools };
}

const first = await connect('worker-1');
const second = await connect('worker-2');
await first.listTools(); // asks the server, puts the result in Redis
// A call does not wait for its put (a slow Redis never delays a result): wait for the entry here,
// looking with SCAN, which walks the keys in small steps (KEYS would block a shared Redis).
async function cached() {
  for await (const keys of redis.scanIterator({ MATCH: 'mcpx-example:cache:*', COUNT: 100 })) if (keys.length > 0) return true;
  return false;
}
for (let i = 0; i < 500 && !(await cached()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
await second.listTools(); // answered from Redis

// worker-1's server changes its tools: worker-1 evicts the entry and tells worker-2 over pub/sub.
await first.client.subscribe({ toolsListChanged: true });
const heard = new Promise((resolve) => store.subscribe((event) => resolve(event.method)));
await first.client.callTool('add-tool', {});
console.log(`invalidation over Redis: ${await heard}`);
await second.listTools(); // asks its server again

await first.client.close();
await second.client.close();
await store.close();
await redis.close();
