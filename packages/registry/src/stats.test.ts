import { describe, expect, it } from 'vitest';
import { LatencyWindow } from '@mcpx/core/internal';
import { errorSummary, StatsRecorder, summarize, type ServerStats } from './stats.js';

describe('request statistics', () => {
  it('gives min, mean, max and the nearest-rank percentiles of the latencies', () => {
    const window = new LatencyWindow();
    for (let ms = 1; ms <= 100; ms++) window.add(ms);
    expect(window.stats()).toEqual({ count: 100, min: 1, mean: 50.5, max: 100, p50: 50, p95: 95, p99: 99 });
  });

  it('reports zeros before any request', () => {
    expect(new LatencyWindow().stats()).toEqual({ count: 0, min: 0, mean: 0, max: 0, p50: 0, p95: 0, p99: 0 });
  });

  it('counts successes, failures and refusals, with the success rate', () => {
    const recorder = new StatsRecorder();
    expect(recorder.requests(0).successRate).toBe(1);
    recorder.record(5, true);
    recorder.record(7, true);
    recorder.record(9, true);
    recorder.record(11, false);
    recorder.rejected();
    expect(recorder.requests(2)).toEqual({ total: 4, succeeded: 3, failed: 1, successRate: 0.75, rejected: 1, inFlight: 2 });
  });

  it('sums the servers into registry totals, with the count of servers in each state', () => {
    const server = (name: string, state: ServerStats['state'], succeeded: number, failed: number, reconnects: number): ServerStats =>
      ({
        name,
        state,
        requests: { total: succeeded + failed, succeeded, failed, successRate: 0, rejected: 1, inFlight: 0 },
        reconnects,
      }) as ServerStats;
    const snapshot = summarize([server('a', 'connected', 8, 0, 1), server('b', 'connected', 1, 1, 0), server('c', 'failed', 0, 0, 2)], 42);
    expect(snapshot.takenAt).toBe(42);
    expect(snapshot.totals).toEqual({
      servers: 3,
      states: { disconnected: 0, connecting: 0, connected: 2, degraded: 0, reconnecting: 0, failed: 1, 'needs-login': 0, disabled: 0 },
      requests: { total: 10, succeeded: 9, failed: 1, successRate: 0.9, rejected: 3, inFlight: 0 },
      reconnects: 3,
    });
  });

  it('shows the last error by name, message and code, leaving out a code that is neither a string nor a number', () => {
    const coded = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const odd = Object.assign(new TypeError('odd'), { code: { nested: true } });
    expect(errorSummary(undefined)).toBeNull();
    expect(errorSummary(coded)).toEqual({ name: 'Error', message: 'refused', code: 'ECONNREFUSED' });
    expect(errorSummary(Object.assign(new Error('bad'), { code: -32602 }))).toEqual({ name: 'Error', message: 'bad', code: -32602 });
    expect(errorSummary(odd)).toEqual({ name: 'TypeError', message: 'odd' });
  });
});
