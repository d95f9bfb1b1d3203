import { describe, expect, it } from 'vitest';
import { healthOptions, reconnectPolicy } from './policies.js';

describe('reconnectPolicy', () => {
  it("keeps the registry's default when the server sets nothing, and never reconnects for false", () => {
    expect(reconnectPolicy(undefined)).toBeUndefined();
    expect(reconnectPolicy(false)).toBe(false);
  });

  it('backs off exponentially from initialDelayMs up to maxDelayMs, and gives up after maxAttempts', () => {
    const policy = reconnectPolicy({ initialDelayMs: 100, maxDelayMs: 350, maxAttempts: 4 });
    if (typeof policy !== 'function') throw new Error('expected a policy');
    const delays = [0, 1, 2, 3].map((attempt) => policy(attempt) ?? -1);
    // Up to 50 % jitter below each step: 100, 200, 350 (capped), 350.
    expect(delays.every((delay, attempt) => delay <= [100, 200, 350, 350][attempt]! && delay >= [50, 100, 175, 175][attempt]!)).toBe(true);
    expect(policy(4)).toBeUndefined();
  });
});

describe('healthOptions', () => {
  it('passes the settings given and leaves out those not given, so the registry defaults apply', () => {
    expect(healthOptions({ intervalMs: 5000, timeoutMs: undefined })).toEqual({ intervalMs: 5000 });
    expect(healthOptions(false)).toBe(false);
    expect(healthOptions(undefined)).toBeUndefined();
  });
});
