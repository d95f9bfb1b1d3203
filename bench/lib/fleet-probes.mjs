// What the long run watches: the process's active resources (timers, sockets, pipes...) and
// listeners, sampled while no call is in flight, and health checks counted per time bucket.
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';

/** The classes whose live instances a sample counts: abort plumbing and listeners (functions) that would pile up per call. */
export const COUNTED = ['AbortSignal', 'Promise'];

/**
 * Live objects of each of `classes` in the heap (`Runtime.queryObjects` of the inspector, which
 * collects garbage first): a count read off the heap, as a heap snapshot would give it.
 */
export async function liveObjects(classes = COUNTED) {
  const session = new Session();
  session.connect();
  try {
    const counts = {};
    for (const name of classes) {
      const { result: prototype } = await session.post('Runtime.evaluate', { expression: `${name}.prototype` });
      const { objects } = await session.post('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
      const { result } = await session.post('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      counts[name] = result.value;
      await session.post('Runtime.releaseObject', { objectId: objects.objectId });
      await session.post('Runtime.releaseObject', { objectId: prototype.objectId });
    }
    return counts;
  } finally {
    session.disconnect();
  }
}

/** Active handles and requests by kind (`Timeout`, `TCPSocketWrap`...), from `process.getActiveResourcesInfo()`. */
export function activeResources() {
  const counts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Listeners on `process`, all events together (exit and signal handlers a transport might add per connection). */
export function processListeners() {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

/**
 * One sample: elapsed seconds, resources, listeners, heap after a GC (when exposed), load
 * average, and with `objects` the live objects of `COUNTED` (a second or more of stall each).
 */
export async function sample(atS, { objects = false } = {}) {
  globalThis.gc?.();
  return {
    atS,
    objects: objects ? await liveObjects() : undefined,
    resources: activeResources(),
    processListeners: processListeners(),
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    load1: loadavg()[0],
  };
}

/**
 * Counts events in buckets of `bucketMs` from `startedAt`; `counts()` gives them in order, empty
 * buckets included. `during(work)` runs `work` and marks the buckets it stalled (and the next,
 * where the timers due meanwhile fire): `stalled()` gives their indexes.
 */
export function bucketCounter(bucketMs, startedAt, now = () => Date.now()) {
  const buckets = [];
  const stalled = new Set();
  const index = () => Math.floor((now() - startedAt) / bucketMs);
  return {
    add() {
      const at = index();
      while (buckets.length <= at) buckets.push(0);
      buckets[at]++;
    },
    async during(work) {
      const from = index();
      try {
        return await work();
      } finally {
        for (let i = from; i <= index() + 1; i++) stalled.add(i);
      }
    },
    counts: () => [...buckets],
    stalled: () => [...stalled],
  };
}

/** Process warnings (MaxListenersExceededWarning...) emitted from now on, by name and message. */
export function collectWarnings() {
  const seen = new Map();
  process.on('warning', (warning) => {
    const key = `${warning.name}: ${warning.message.replace(/\d+/g, 'N')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  return () => [...seen].map(([warning, count]) => ({ warning, count }));
}
