// Memory per connection: one process opens `connections` connections (each its own server
// process over stdio), collects garbage, and reads its own resident set and heap. `rss KiB/conn`
// is the growth from before the first connection, divided by the count; `marginal` leaves the
// first connection out (the code it loads and compiles once), so it is what one more costs.
import { setTimeout as sleep } from 'node:timers/promises';

export const title = 'memory per stdio connection (after GC)';
export const options = { full: { connections: 50 }, quick: { connections: 50 } };
export const metrics = [
  { key: 'rssKiBPerConnection', label: 'rss KiB/conn', short: 'rss', ratio: true },
  { key: 'marginalRssKiB', label: 'marginal KiB' },
  { key: 'heapKiBPerConnection', label: 'heap KiB/conn' },
  { key: 'externalKiBPerConnection', label: 'external KiB/conn' },
];

/** Collects garbage until the heap stops shrinking (weak callbacks and finalizers take a few passes), then reads the process's memory. */
async function settled() {
  if (typeof globalThis.gc !== 'function') throw new Error('bench: the memory scenario needs node --expose-gc');
  let heap = Infinity;
  for (let pass = 0; pass < 10; pass++) {
    globalThis.gc();
    await sleep(20);
    const used = process.memoryUsage().heapUsed;
    if (used >= heap * 0.999) break;
    heap = used;
  }
  return process.memoryUsage();
}

export async function run(client, server, { connections }) {
  const before = await settled();
  const sessions = [await client.connect(server)];
  await sessions[0].listTools();
  const one = await settled();
  for (let i = 1; i < connections; i++) {
    const session = await client.connect(server);
    await session.listTools();
    sessions.push(session);
  }
  const all = await settled();
  await Promise.all(sessions.map((s) => s.close()));
  const kib = (bytes) => bytes / 1024;
  return {
    rssKiBPerConnection: kib(all.rss - before.rss) / connections,
    marginalRssKiB: kib(all.rss - one.rss) / (connections - 1),
    heapKiBPerConnection: kib(all.heapUsed - one.heapUsed) / (connections - 1),
    externalKiBPerConnection: kib(all.external - one.external) / (connections - 1),
  };
}
