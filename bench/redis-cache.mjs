// What a response-cache hit from Redis costs against the round trip it saves: a 2026-07-28
// `tools/list` (20 tools) answered from `redisCacheStore` on a loopback redis-server, against the
// same call sent to the server with the cache off, over stdio and over Streamable HTTP, in one
// run, with the default in-memory cache for reference. Reports microseconds per call (median of
// the rounds) and the ratio Redis hit / sent. Starts its
// own redis-server (persistence off) unless REDIS_URL is set. Not part of the test suite.
// Usage: node bench/redis-cache.mjs [--calls=2000] [--rounds=5] [--transport=stdio,http]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { McpClient } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { connectRedis, redisCacheStore } from '@mcpx/redis';
import { StdioTransport } from '@mcpx/stdio';
import { startRedis } from './lib/redis.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const calls = Number(arg('calls', 2000));
const rounds = Number(arg('rounds', 5));
const transports = arg('transport', 'stdio,http').split(',');
const serverScript = fileURLToPath(new URL('./servers/cached.mjs', import.meta.url));

/** The cached server over HTTP in a process of its own: its URL and how to stop it. */
async function startHttpServer() {
  const child = spawn(process.execPath, [serverScript, 'http'], { stdio: ['ignore', 'ignore', 'pipe'] });
  for await (const line of createInterface({ input: child.stderr })) {
    const port = /^listening on (\d+)$/.exec(line)?.[1];
    if (port) return { url: `http://127.0.0.1:${port}/mcp`, stop: async () => void (child.kill('SIGTERM'), await once(child, 'exit')) };
  }
  throw new Error('the cached bench server did not start over HTTP');
}

/** A client of the cached server: `cache` is `{ store }`, `{}` for the default in-memory store, or false. */
async function client(transport, http, cache) {
  const mcp = new McpClient({ eraCache: false, cache });
  await mcp.connect(
    transport === 'http'
      ? new StreamableHttpTransport(http.url)
      : new StdioTransport({ command: process.execPath, args: [serverScript, 'stdio'], stderr: 'ignore' }),
  );
  return mcp;
}

/** Microseconds per listTools() call, one sample a round. */
async function usPerCall(mcp, n) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await mcp.listTools();
  return ((performance.now() - started) * 1000) / n;
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
/** `median µs/call (min …, every round …)`: the minimum is the figure least disturbed by a loaded machine. */
const figures = (samples) =>
  `${median(samples).toFixed(1)} µs/call (min ${Math.min(...samples).toFixed(1)}; rounds ${samples.map((v) => v.toFixed(0)).join(' ')})`;

const redisServer = await startRedis();
const redis = await connectRedis(redisServer.url);
const store = redisCacheStore(redis, { prefix: `mcpx-bench-${process.pid}:` });
try {
  for (const transport of transports) {
    const http = transport === 'http' ? await startHttpServer() : undefined;
    const cached = await client(transport, http, { store });
    const memory = await client(transport, http, {});
    const sent = await client(transport, http, false);
    let hits = 0;
    cached.on('request', ({ method }) => void (method === 'tools/list' && hits++));
    await cached.listTools(); // fills Redis
    await memory.listTools();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await usPerCall(cached, calls / 4); // warm-up
    await usPerCall(sent, calls / 4);
    await usPerCall(memory, calls / 4);
    const hit = [];
    const miss = [];
    const local = [];
    // Interleaved rounds, so that a slow moment of the shared machine hits both alike.
    for (let round = 0; round < rounds; round++) {
      hit.push(await usPerCall(cached, calls));
      miss.push(await usPerCall(sent, calls));
      local.push(await usPerCall(memory, calls));
    }
    if (hits !== 1) throw new Error(`the Redis client sent tools/list ${hits} times instead of once: the cache missed`);
    console.log(`${transport}: tools/list from Redis ${figures(hit)}`);
    console.log(`${transport}: tools/list sent to the server ${figures(miss)}`);
    console.log(`${transport}: tools/list from the in-memory cache ${figures(local)}, for reference`);
    console.log(
      `${transport}: Redis hit / sent = ${(median(hit) / median(miss)).toFixed(2)} (medians), ${(Math.min(...hit) / Math.min(...miss)).toFixed(2)} (minimums)`,
    );
    await cached.close();
    await memory.close();
    await sent.close();
    await http?.stop();
  }
} finally {
  await store.deletePrefix('');
  await store.close();
  await redis.close();
  await redisServer.stop();
}
