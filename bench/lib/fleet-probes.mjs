// What the long run watches: the process's active resources (timers, sockets, pipes...) and
// listeners, sampled while no call is in flight, and health checks counted per time bucket.
import { loadavg } from 'node:os';

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

/** One sample: elapsed seconds, resources, listeners, heap after a GC (when exposed), load average. */
export function sample(atS) {
  globalThis.gc?.();
  return {
    atS,
    resources: activeResources(),
    processListeners: processListeners(),
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    load1: loadavg()[0],
  };
}

/** Counts events in buckets of `bucketMs` from `startedAt`; `counts()` gives them in order, empty buckets included. */
export function bucketCounter(bucketMs, startedAt, now = () => Date.now()) {
  const buckets = [];
  return {
    add() {
      const index = Math.floor((now() - startedAt) / bucketMs);
      while (buckets.length <= index) buckets.push(0);
      buckets[index]++;
    },
    counts: () => [...buckets],
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
