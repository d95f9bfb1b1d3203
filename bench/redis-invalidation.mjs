// How long an invalidation takes from one process to another through `redisCacheStore`'s pub/sub:
// this process publishes invalidations one at a time, a second Node process subscribed through its
// own store writes a line to stdout as each arrives, and the time from the publish to reading that
// line here (one clock, an upper bound of the delivery: it includes the line's way back) is
// reported as median, 99th percentile and maximum, in milliseconds (the issue asks for < 100 ms). Starts its own redis-server unless
// REDIS_URL is set. Not part of the test suite.
// Usage: node bench/redis-invalidation.mjs [--count=500]
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connectRedis, redisCacheStore } from '@mcpx/redis';
import { startRedis } from './lib/redis.mjs';

const now = () => performance.now();

if (process.argv[2] === '--subscriber') {
  // The other process: one line on stdout per invalidation, as it arrives.
  const store = redisCacheStore(await connectRedis(process.argv[3]), { prefix: process.argv[4] });
  store.subscribe((event) => process.stdout.write(`${event.uri}\n`));
  process.stdout.write('subscribed\n');
} else {
  const count = Number(process.argv.find((a) => a.startsWith('--count='))?.split('=')[1] ?? 500);
  const prefix = `mcpx-bench-${process.pid}:`;
  const redisServer = await startRedis();
  let redis;
  let store;
  let child;
  try {
    redis = await connectRedis(redisServer.url);
    store = redisCacheStore(redis, { prefix });
    child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--subscriber', redisServer.url, prefix], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    if ((await lines.next()).value !== 'subscribed') throw new Error('the subscriber process did not start');
    // The subscription opens in the background: wait until Redis counts it.
    while ((await redis.pubSubNumSub(`${prefix}invalidate`))[`${prefix}invalidate`] !== 1) await new Promise((r) => setTimeout(r, 10));

    const latencies = [];
    for (let i = 0; i < count; i++) {
      const sent = now();
      await store.publish({ server: 'bench', method: 'notifications/resources/updated', uri: String(i) });
      const { value: uri } = await lines.next();
      latencies.push(now() - sent);
      if (uri !== String(i)) throw new Error(`expected invalidation ${i}, got ${uri}`);
    }
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
    console.log(`invalidation across processes over ${count} publishes: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  } finally {
    // Whatever failed, leave no subscriber process, connection or redis-server behind.
    child?.kill('SIGTERM');
    await store?.close();
    await redis?.close();
    await redisServer.stop();
  }
}
