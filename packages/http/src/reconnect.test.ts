import { describe, expect, it } from 'vitest';
import { reconnectDelay, sleep } from './reconnect.js';

describe('reconnectDelay', () => {
  const policy = { backoff: (attempt: number) => 1000 * (attempt + 1), maxRetries: 3, maxRetryAfterMs: 2000 };

  it("waits exactly what the server's retry field says, whatever the attempt", () => {
    expect(reconnectDelay(policy, 0, 7)).toBe(7);
    expect(reconnectDelay(policy, 2, 60_000)).toBe(60_000);
  });

  it('uses a Retry-After hint, capped, when there is no retry field, else the backoff', () => {
    expect(reconnectDelay(policy, 0, undefined, 500)).toBe(500);
    expect(reconnectDelay(policy, 0, undefined, 9000)).toBe(2000);
    expect(reconnectDelay(policy, 1, undefined)).toBe(2000);
  });

  it('gives up after maxRetries attempts, or when the backoff does', () => {
    expect(reconnectDelay(policy, 3, 7)).toBeUndefined();
    expect(reconnectDelay({ ...policy, backoff: () => undefined }, 0, undefined)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
  });
});
