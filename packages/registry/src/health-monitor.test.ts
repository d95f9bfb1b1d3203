import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../test/helpers.js';
import { HealthCheckTimeoutError } from './errors/health-check-timeout-error.js';
import { DEFAULT_HEALTH_OPTIONS, HealthMonitor, judgeHealth, type HealthCheck, type HealthResult } from './health-monitor.js';

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connected(server = new FakeServer()): Promise<{ client: McpClient; server: FakeServer }> {
  const client = new McpClient({ eraCache: false });
  await client.connect(server.clientTransport);
  clients.push(client);
  return { client, server };
}

function monitor(
  check: HealthCheck,
  degraded = (): boolean => false,
): { monitor: HealthMonitor; clock: ManualClock; results: HealthResult[] } {
  const clock = new ManualClock();
  const results: HealthResult[] = [];
  const options = {
    ...DEFAULT_HEALTH_OPTIONS,
    intervalMs: 1000,
    degradedIntervalMs: 100,
    timeoutMs: 50,
    degradedLatencyMs: 20,
    check,
    jitter: 0,
  };
  return {
    monitor: new HealthMonitor('alpha', options, clock, { isDegraded: degraded, onResult: (result) => results.push(result) }),
    clock,
    results,
  };
}

describe('the health monitor', () => {
  it('pings a legacy server once per interval with the default check', async () => {
    const { client, server } = await connected();
    const { monitor: m, clock, results } = monitor(DEFAULT_HEALTH_OPTIONS.check);
    m.start(client);
    await clock.advance(999);
    expect(server.requests('ping')).toHaveLength(0);
    await clock.advance(1);
    expect(server.requests('ping')).toHaveLength(1);
    await clock.advance(1000);
    expect(server.requests('ping')).toHaveLength(2);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    m.stop();
  });

  it('asks a 2026-07-28 server server/discover, which it has instead of ping', async () => {
    const { client, server } = await connected(new FakeServer({ modernVersions: ['2026-07-28'] }));
    const { monitor: m, clock, results } = monitor(DEFAULT_HEALTH_OPTIONS.check);
    const before = server.requests('server/discover').length;
    m.start(client);
    await clock.advance(1000);
    expect(server.requests('server/discover')).toHaveLength(before + 1);
    expect(server.requests('ping')).toHaveLength(0);
    expect(results).toMatchObject([{ ok: true }]);
    m.stop();
  });

  it('checks every degradedIntervalMs while the server is degraded', async () => {
    let checks = 0;
    const { monitor: m, clock } = monitor(
      async () => {
        checks++;
      },
      () => true,
    );
    m.start({} as McpClient);
    await clock.advance(1000);
    expect(checks).toBe(10);
    m.stop();
  });

  it('fails a check that gets no answer within timeoutMs, aborting it, and counts failures in a row', async () => {
    const signals: AbortSignal[] = [];
    const {
      monitor: m,
      clock,
      results,
    } = monitor(
      (_client, { signal }) =>
        new Promise((_, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    m.start({} as McpClient);
    await clock.advance(1050);
    await clock.advance(1050);
    expect(results.map((r) => r.consecutiveFailures)).toEqual([1, 2]);
    expect(HealthCheckTimeoutError.isInstance(results[0]?.error)).toBe(true);
    expect(results[0]?.error?.message).toMatch(/server "alpha".*within 50 ms/);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(m.snapshot()).toMatchObject({ checks: 2, failures: 2, errorRate: 1, consecutiveFailures: 2, lastLatencyMs: 50 });
    m.stop();
  });

  it('fails a check that ignores its signal all the same', async () => {
    const { monitor: m, clock, results } = monitor(() => new Promise(() => undefined));
    m.start({} as McpClient);
    await clock.advance(1050);
    expect(results).toMatchObject([{ ok: false, consecutiveFailures: 1 }]);
    m.stop();
  });

  it('flags an answer slower than degradedLatencyMs, and tracks the error rate over recent checks', async () => {
    let answer: () => void = () => undefined;
    let calls = 0;
    const {
      monitor: m,
      clock,
      results,
    } = monitor(async () => {
      calls++;
      if (calls === 2) throw new Error('refused');
      if (calls === 1) await new Promise<void>((resolve) => (answer = resolve));
    });
    m.start({} as McpClient);
    await clock.advance(1000);
    await clock.advance(30);
    answer();
    await clock.advance(1000);
    await clock.advance(1000);
    expect(results.map(({ ok, slow }) => ({ ok, slow }))).toEqual([
      { ok: true, slow: true },
      { ok: false, slow: false },
      { ok: true, slow: false },
    ]);
    expect(results[0]?.latencyMs).toBe(30);
    expect(m.snapshot()).toMatchObject({ checks: 3, failures: 1, consecutiveFailures: 0 });
    expect(m.snapshot().errorRate).toBeCloseTo(1 / 3);
    m.stop();
  });

  it('drops the result of a check in flight when stopped, and checks no more', async () => {
    const { monitor: m, clock, results } = monitor(() => new Promise(() => undefined));
    m.start({} as McpClient);
    await clock.advance(1000);
    m.stop();
    await clock.advance(5000);
    expect(results).toEqual([]);
    expect(clock.pending).toEqual([]);
  });

  it('judges a result: passed, slow, failed, or dead after failureThreshold failures in a row, with the reason in words', () => {
    const options = { failureThreshold: 3, degradedLatencyMs: 20 };
    const refused = new Error('connection refused');
    expect(judgeHealth({ ok: true, slow: false, latencyMs: 4, consecutiveFailures: 0 }, options)).toEqual({
      dead: false,
      reason: 'health check passed in 4 ms',
    });
    expect(judgeHealth({ ok: true, slow: true, latencyMs: 45, consecutiveFailures: 0 }, options)).toEqual({
      dead: false,
      reason: 'health check took 45 ms, more than 20 ms',
    });
    expect(judgeHealth({ ok: false, slow: false, latencyMs: 9, consecutiveFailures: 2, error: refused }, options)).toEqual({
      dead: false,
      reason: 'health check failed: connection refused',
    });
    expect(judgeHealth({ ok: false, slow: false, latencyMs: 9, consecutiveFailures: 3, error: refused }, options)).toEqual({
      dead: true,
      reason: '3 health checks failed in a row: connection refused',
    });
    expect(judgeHealth({ ok: false, slow: false, latencyMs: 50, consecutiveFailures: 1 }, options).reason).toBe(
      'health check failed: no answer',
    );
  });
});
