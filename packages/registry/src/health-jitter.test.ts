import type { McpClient } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test/helpers.js';
import { DEFAULT_HEALTH_OPTIONS, HealthMonitor, type HealthOptions } from './health-monitor.js';

/** A seeded pseudo-random source (mulberry32), so that a spread of checks is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERVAL_MS = 1000;
const BUCKET_MS = INTERVAL_MS / 10;

/**
 * Starts `servers` monitors at the same moment on one manual clock and runs them for
 * `intervals` intervals; returns how many checks ran in each tenth of an interval.
 */
async function checksPerBucket(servers: number, intervals: number, options: Partial<HealthOptions>): Promise<number[]> {
  const clock = new ManualClock();
  const started = clock.now();
  const buckets = new Array<number>(intervals * 10).fill(0);
  const monitors = Array.from({ length: servers }, (_, i) => {
    const check = async (): Promise<void> => {
      const bucket = Math.floor((clock.now() - started) / BUCKET_MS);
      if (bucket < buckets.length) buckets[bucket]!++;
    };
    const resolved = { ...DEFAULT_HEALTH_OPTIONS, intervalMs: INTERVAL_MS, timeoutMs: 50, check, random: seeded(i + 1), ...options };
    return new HealthMonitor(`s${i}`, resolved, clock, { isDegraded: () => false, onResult: () => undefined });
  });
  for (const monitor of monitors) monitor.start({} as McpClient);
  for (let step = 0; step < intervals * 10; step++) await clock.advance(BUCKET_MS);
  for (const monitor of monitors) monitor.stop();
  return buckets;
}

function peakToMean(buckets: number[]): number {
  const mean = buckets.reduce((a, b) => a + b, 0) / buckets.length;
  return Math.max(...buckets) / mean;
}

describe('the jitter of health checks', () => {
  it('shortens each wait by up to the jitter share of the interval, drawn anew for every check', async () => {
    const draws = [0, 0.999, 0.5];
    const clock = new ManualClock();
    const options = { ...DEFAULT_HEALTH_OPTIONS, intervalMs: INTERVAL_MS, check: async () => undefined, random: () => draws.shift() ?? 0 };
    const monitor = new HealthMonitor('alpha', options, clock, { isDegraded: () => false, onResult: () => undefined });
    monitor.start({} as McpClient);
    expect(clock.pending).toEqual([1000]);
    await clock.advance(1000);
    expect(clock.pending).toEqual([500]);
    await clock.advance(500);
    expect(clock.pending).toEqual([750]);
    monitor.stop();
  });

  it('spreads the checks of 200 servers connected at the same moment: no tenth of an interval gets more than twice its share', async () => {
    const buckets = await checksPerBucket(200, 10, {});
    expect(buckets.reduce((a, b) => a + b, 0)).toBeGreaterThan(200 * 10);
    expect(peakToMean(buckets)).toBeLessThanOrEqual(2);
  });

  it('checks every server in the same instant with jitter 0, the burst the default avoids', async () => {
    const buckets = await checksPerBucket(200, 10, { jitter: 0 });
    expect(Math.max(...buckets)).toBe(200);
    expect(peakToMean(buckets)).toBeGreaterThanOrEqual(9);
  });
});
