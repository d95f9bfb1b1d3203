// A closed-loop load: `width` calls in flight at all times, each replaced as soon as it settles,
// for `durationMs`. Records every call's latency for percentiles.
import { performance } from 'node:perf_hooks';

/** The `p`-th percentile (0 to 1) of `sorted`, ascending. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * Keeps `width` calls of `call(n)` in flight (n counts from 0 across all of them) for
 * `durationMs`, then lets the last ones settle. A failed call is counted in `failed`, with the
 * first error's message, and replaced like any other; only settled calls count in the rates.
 * Resolves with calls/s, p50 and p99 latency in milliseconds, and the number of calls.
 */
export async function closedLoop(call, { width, durationMs }) {
  let next = 0;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let failed = 0;
  let firstError;
  const started = performance.now();
  const until = started + durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      const n = next++;
      const t0 = performance.now();
      try {
        await call(n);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  const elapsedMs = performance.now() - started;
  const sorted = latencies.subarray(0, count).sort();
  return {
    calls: count,
    failed,
    firstError,
    callsPerSec: (count * 1000) / elapsedMs,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}
