import { describe, expect, it } from 'vitest';
import { LatencyWindow } from './metrics.js';

describe('LatencyWindow', () => {
  it('computes percentiles over the samples when fewer than the window size were added', () => {
    const window = new LatencyWindow();
    for (const ms of [5, 1, 3, 2, 4]) window.add(ms);
    expect(window.stats()).toEqual({ count: 5, min: 1, mean: 3, max: 5, p50: 3, p95: 5, p99: 5 });
  });

  it('computes percentiles over the last 1024 samples once more were added, and min, mean and max over all', () => {
    const window = new LatencyWindow();
    for (let i = 0; i < 1024; i++) window.add(1000);
    for (let i = 1; i <= 1024; i++) window.add(i);
    const stats = window.stats();
    expect(stats).toMatchObject({ count: 2048, min: 1, max: 1024, p50: 512, p95: 973, p99: 1014 });
    expect(stats.mean).toBeCloseTo((1024 * 1000 + (1024 * 1025) / 2) / 2048);
  });

  it('holds no buffer before the first sample and 4 after it', () => {
    const window = new LatencyWindow();
    expect(window.capacity).toBe(0);
    window.add(1);
    expect(window.capacity).toBe(4);
  });

  it('grows by doubling to a full window of exactly 1024 samples, and no further', () => {
    const window = new LatencyWindow();
    const capacities = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      window.add(i);
      capacities.add(window.capacity);
    }
    expect([...capacities]).toEqual([4, 8, 16, 32, 64, 128, 256, 512, 1024]);
  });

  it('keeps the samples taken before the window grew', () => {
    const window = new LatencyWindow();
    for (let i = 1; i <= 17; i++) window.add(i);
    expect(window.stats()).toMatchObject({ count: 17, min: 1, max: 17, p50: 9, p99: 17 });
  });
});
