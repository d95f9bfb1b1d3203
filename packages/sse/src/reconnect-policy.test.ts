import { describe, expect, it } from 'vitest';
import { pause, reconnectDelay } from './reconnect-policy.js';

const policy = { backoff: (attempt: number) => (attempt + 1) * 100, maxRetries: 3 };

describe('reconnectDelay', () => {
  it('follows the backoff until maxRetries attempts were made', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(policy, attempt, undefined))).toEqual([100, 200, 300, undefined]);
  });

  it("uses the server's retry value instead of the backoff's delay, but still gives up", () => {
    expect(reconnectDelay(policy, 0, 25)).toBe(25);
    expect(reconnectDelay(policy, 3, 25)).toBeUndefined();
  });

  it('gives up when the backoff says so, even with a server retry value', () => {
    const stopping = { backoff: (attempt: number) => (attempt < 1 ? 10 : undefined), maxRetries: 10 };
    expect(reconnectDelay(stopping, 0, 5)).toBe(5);
    expect(reconnectDelay(stopping, 1, 5)).toBeUndefined();
  });

  it('never retries with maxRetries 0', () => {
    expect(reconnectDelay({ ...policy, maxRetries: 0 }, 0, undefined)).toBeUndefined();
  });
});

describe('pause', () => {
  it('resolves true once the time is up', async () => {
    await expect(pause(1, new AbortController().signal)).resolves.toBe(true);
  });

  it('resolves false at once when the signal aborts', async () => {
    const controller = new AbortController();
    const paused = pause(60_000, controller.signal);
    controller.abort();
    await expect(paused).resolves.toBe(false);
  });
});
