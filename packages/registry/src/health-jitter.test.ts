import type { McpClient } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test/helpers.js';
import { DEFAULT_HEALTH_OPTIONS, HealthMonitor, jitteredInterval, type HealthOptions } from './health-monitor.js';

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
  it('moves each wait by up to half the jitter share of the interval either way, drawn anew for every check', async () => {
    const draws = [0, 0.999, 0.5];
    const clock = new ManualClock();
    const options = { ...DEFAULT_HEALTH_OPTIONS, intervalMs: INTERVAL_MS, check: async () => undefined, random: () => draws.shift() ?? 0 };
    const monitor = new HealthMonitor('alpha', options, clock, { isDegraded: () => false, onResult: () => undefined });
    monitor.start({} as McpClient);
    expect(clock.pending).toEqual([750]);
    await clock.advance(750);
    expect(clock.pending).toEqual([1250]);
    await clock.advance(1250);
    expect(clock.pending).toEqual([1000]);
    monitor.stop();
  });

  it('keeps the mean wait at the interval: 10,000 waits of 1000 ms average 1000 ms within 1 %', () => {
    const random = seeded(7);
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += jitteredInterval(INTERVAL_MS, { jitter: 0.5, random });
    expect(Math.abs(total / 10_000 - INTERVAL_MS)).toBeLessThan(INTERVAL_MS / 100);
  });

  it('waits the interval itself when the random source gives a number outside 0 to 1, or not a number', () => {
    for (const drawn of [1, 1.5, -0.2, Number.NaN, Infinity])
      expect(jitteredInterval(INTERVAL_MS, { jitter: 1, random: () => drawn })).toBe(INTERVAL_MS);
  });

  it('never waits less than 1 ms, whatever the interval and jitter', () => {
    expect(jitteredInterval(1, { jitter: 1, random: () => 0 })).toBe(1);
    expect(jitteredInterval(0.4, { jitter: 0, random: () => 0.5 })).toBe(1);
  });

  it('spreads waits by half the interval when the options leave jitter and random out', () => {
    const waits = Array.from({ length: 200 }, () => jitteredInterval(INTERVAL_MS, {}));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(750);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1250);
    expect(new Set(waits).size).toBeGreaterThan(10);
  });

  it('spreads the checks of 200 servers connected at the same moment: no tenth of an interval gets more than three times its share', async () => {
    const buckets = await checksPerBucket(200, 10, {});
    // A check every interval on average: close to 9.5 checks a server in 10 intervals, the first after one.
    const checks = buckets.reduce((a, b) => a + b, 0);
    expect(checks).toBeGreaterThan(200 * 9);
    expect(checks).toBeLessThan(200 * 10);
    // The first checks fall over half an interval (0.75 to 1.25 of it), twice their share in each tenth; later ones spread further.
    expect(peakToMean(buckets)).toBeLessThanOrEqual(3);
    expect(peakToMean(buckets.slice(30))).toBeLessThanOrEqual(2);
  });

  it('checks every server in the same instant with jitter 0, the burst the default avoids', async () => {
    const buckets = await checksPerBucket(200, 10, { jitter: 0 });
    expect(Math.max(...buckets)).toBe(200);
    expect(peakToMean(buckets)).toBeGreaterThanOrEqual(9);
  });
});
