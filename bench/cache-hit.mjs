// What a response-cache hit costs: a 2026-07-28 `tools/list` answered from the in-memory cache
// (the default LruCacheStore), against the same call sent to the in-memory fake server with the
// cache off. Reports nanoseconds per call for both and their ratio (hit / sent). Run it on two
// builds to compare a change of the cache's hot path. Not part of the test suite.
// Usage: node bench/cache-hit.mjs [--calls=20000] [--rounds=7]
import { performance } from 'node:perf_hooks';
import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const calls = arg('calls', 20000);
const rounds = arg('rounds', 7);
const tools = Array.from({ length: 20 }, (_, i) => ({ name: `tool-${i}`, inputSchema: { type: 'object' } }));

async function client(cache) {
  const server = new FakeServer({ modernVersions: ['2026-07-28'] });
  server.handle('tools/list', () => ({ resultType: 'complete', tools, ttlMs: 3_600_000, cacheScope: 'public' }));
  const mcp = new McpClient({ eraCache: false, ...(cache ? {} : { cache: false }) });
  await mcp.connect(server.clientTransport);
  return mcp;
}

/** Nanoseconds per listTools() call, median of the rounds. */
async function nsPerCall(mcp, n) {
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) await mcp.listTools();
    samples.push(((performance.now() - started) * 1e6) / n);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const cached = await client(true);
const sent = await client(false);
await nsPerCall(cached, calls / 4); // warm-up
await nsPerCall(sent, calls / 20);
const hit = await nsPerCall(cached, calls);
const miss = await nsPerCall(sent, calls / 10);
console.log(`tools/list from the cache: ${hit.toFixed(0)} ns/call`);
console.log(`tools/list sent (cache off): ${miss.toFixed(0)} ns/call`);
console.log(`hit / sent: ${(hit / miss).toFixed(3)}`);
await cached.close();
await sent.close();
