import { ConnectionClosedError, exponentialBackoff, TransportError, UnsupportedProtocolVersionError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test/helpers.js';
import { isRetryableFailure, ReconnectSchedule } from './reconnect.js';

describe('the reconnect schedule', () => {
  it('waits 1 s, 2 s, 4 s, 8 s... capped at 30 s with the default policy and no jitter', () => {
    const clock = new ManualClock();
    const schedule = new ReconnectSchedule(exponentialBackoff({ random: () => 0 }), 10_000, clock);
    const delays = Array.from({ length: 8 }, () => schedule.plan(() => undefined)?.delayMs);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(schedule.attempt).toBe(8);
  });

  it('takes up to half of each delay off at random with the default jitter', () => {
    const clock = new ManualClock();
    const schedule = new ReconnectSchedule(exponentialBackoff({ random: () => 0.999 }), 10_000, clock);
    const delays = Array.from({ length: 3 }, () => schedule.plan(() => undefined)?.delayMs);
    expect(delays).toEqual([500, 1001, 2002]);
  });

  it('runs the attempt after the delay, or at once with runNow, and never after cancel', async () => {
    const clock = new ManualClock();
    const schedule = new ReconnectSchedule(() => 1000, 10_000, clock);
    const runs: string[] = [];
    schedule.plan(() => runs.push('first'));
    await clock.advance(999);
    expect(runs).toEqual([]);
    await clock.advance(1);
    expect(runs).toEqual(['first']);
    schedule.plan(() => runs.push('second'));
    expect(schedule.runNow()).toBe(true);
    expect(runs).toEqual(['first', 'second']);
    schedule.plan(() => runs.push('third'));
    schedule.cancel();
    await clock.advance(5000);
    expect(runs).toEqual(['first', 'second']);
    expect(schedule.runNow()).toBe(false);
  });

  it('gives up when the policy says so', () => {
    const schedule = new ReconnectSchedule(exponentialBackoff({ maxAttempts: 2 }), 10_000, new ManualClock());
    expect(schedule.plan(() => undefined)).toMatchObject({ attempt: 1 });
    expect(schedule.plan(() => undefined)).toMatchObject({ attempt: 2 });
    expect(schedule.plan(() => undefined)).toBeUndefined();
    expect(schedule.pending).toBe(false);
  });

  it('keeps backing off for a server that drops before stableAfterMs, and starts over after a stable connection', async () => {
    const clock = new ManualClock();
    const schedule = new ReconnectSchedule((attempt) => 1000 * 2 ** attempt, 10_000, clock);
    expect(schedule.plan(() => undefined)?.delayMs).toBe(1000);
    schedule.connected();
    await clock.advance(9_999);
    schedule.disconnected();
    expect(schedule.plan(() => undefined)?.delayMs).toBe(2000);
    schedule.connected();
    await clock.advance(10_000);
    schedule.disconnected();
    expect(schedule.plan(() => undefined)?.delayMs).toBe(1000);
  });
});

describe('isRetryableFailure', () => {
  it('retries what may pass later and gives up on what cannot', () => {
    expect(isRetryableFailure(new ConnectionClosedError('crashed during initialize'))).toBe(true);
    expect(isRetryableFailure(new TransportError('EAGAIN', { isRetryable: true }))).toBe(true);
    expect(isRetryableFailure(new Error('some failure of the connect function'))).toBe(true);
    expect(isRetryableFailure(new TransportError('command not found'))).toBe(false);
    expect(isRetryableFailure(new UnsupportedProtocolVersionError(['1999-01-01'], ['2025-11-25']))).toBe(false);
  });
});
