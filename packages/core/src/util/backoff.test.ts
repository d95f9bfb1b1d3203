import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from './backoff.js';

describe('exponentialBackoff', () => {
  it('doubles from 1 s up to the 30 s cap without jitter', () => {
    const policy = exponentialBackoff({ jitter: 0 });
    expect([0, 1, 2, 3, 4, 5, 6].map(policy)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('takes off at most the jitter fraction', () => {
    expect(exponentialBackoff({ random: () => 1 })(0)).toBe(500);
    expect(exponentialBackoff({ random: () => 0 })(0)).toBe(1000);
  });

  it('gives up after maxAttempts', () => {
    const policy = exponentialBackoff({ maxAttempts: 2, jitter: 0 });
    expect([policy(0), policy(1), policy(2)]).toEqual([1000, 2000, undefined]);
  });
});
