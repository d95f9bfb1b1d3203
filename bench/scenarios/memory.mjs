// Memory per connection: one process opens `connections` connections (each its own server
// process over stdio), collecting garbage and reading its own memory before the first, after
// the first, and after every `step` more. `rss KiB/conn` is the growth from before the first
// connection to the end, divided by the count, as the issue measured it. It includes one-off
// steps that are not per connection: V8 doubling its young generation once enough has survived,
// and pages of the node binary touched for the first time (file-backed, RssFile on Linux).
// `marginal` is the median over the steps of the growth per connection: a one-off step moves
// one step, not the median. `anon` is the same for anonymous memory alone (Linux), `anon
// KiB/conn` its growth from before the first connection to the end, divided by the count (the
// total without the node binary's pages, which V8 touches when it first optimizes code: 3 to 4
// MiB, in whichever process gets hot first, shared and reclaimable), `file KiB/conn` those pages
// alone (RssFile), `heap` for the JavaScript heap (used, after GC). Run a client under
// `node --max-opt=1` to see its figures without the optimizing compiler's first use.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from '../lib/stats.mjs';

export const title = 'memory per stdio connection (after GC)';
export const options = { full: { connections: 50, step: 7 }, quick: { connections: 50, step: 7 } };
export const metrics = [
  { key: 'rssKiBPerConnection', label: 'rss KiB/conn', short: 'rss', ratio: true },
  { key: 'marginalRssKiB', label: 'marginal KiB', short: 'marginal' },
  { key: 'marginalAnonKiB', label: 'anon KiB' },
  { key: 'anonKiBPerConnection', label: 'anon KiB/conn' },
  { key: 'fileKiBPerConnection', label: 'file KiB/conn' },
  { key: 'heapKiBPerConnection', label: 'heap KiB/conn' },
  { key: 'externalKiBPerConnection', label: 'external KiB' },
];

/** Anonymous and file-backed resident memory in bytes (Linux), else NaN. */
function residentParts() {
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux: no parts.
  }
  const bytes = (name) => {
    const kib = new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1];
    return kib === undefined ? Number.NaN : Number(kib) * 1024;
  };
  return { anon: bytes('RssAnon'), file: bytes('RssFile') };
}

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
  return { ...process.memoryUsage(), ...residentParts() };
}

export async function run(client, server, { connections, step }) {
  const before = await settled();
  const sessions = [];
  const open = async () => {
    const session = await client.connect(server);
    await session.listTools();
    sessions.push(session);
  };
  await open();
  const points = [await settled()];
  while (sessions.length < connections) {
    const target = Math.min(connections, sessions.length + step);
    while (sessions.length < target) await open();
    points.push({ ...(await settled()), count: sessions.length });
  }
  points[0].count = 1;
  await Promise.all(sessions.map((s) => s.close()));
  const one = points[0];
  const all = points.at(-1);
  const kib = (bytes) => bytes / 1024;
  const slope = (key) => median(points.slice(1).map((p, i) => (p[key] - points[i][key]) / (p.count - points[i].count)));
  return {
    rssKiBPerConnection: kib(all.rss - before.rss) / connections,
    marginalRssKiB: kib(slope('rss')),
    marginalAnonKiB: kib(slope('anon')),
    anonKiBPerConnection: kib(all.anon - before.anon) / connections,
    fileKiBPerConnection: kib(all.file - before.file) / connections,
    heapKiBPerConnection: kib(all.heapUsed - one.heapUsed) / (connections - 1),
    externalKiBPerConnection: kib(all.external - one.external) / (connections - 1),
  };
}
