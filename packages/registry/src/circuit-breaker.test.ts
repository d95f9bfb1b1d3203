import { CancelledError, ConnectionClosedError, ProtocolError, RequestTimeoutError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, DEFAULT_BREAKER_OPTIONS, isServerFault, type BreakerState } from './circuit-breaker.js';

function breaker(failureThreshold = 3, resetTimeoutMs = 1000): { breaker: CircuitBreaker; moves: string[]; advance: (ms: number) => void } {
  let now = 0;
  const moves: string[] = [];
  const b = new CircuitBreaker(
    { ...DEFAULT_BREAKER_OPTIONS, failureThreshold, resetTimeoutMs },
    () => now,
    (from: BreakerState, to: BreakerState) => moves.push(`${from}->${to}`),
  );
  return { breaker: b, moves, advance: (ms) => (now += ms) };
}

describe('a circuit breaker', () => {
  it('opens after failureThreshold consecutive failures, and a success in between starts the count again', () => {
    const { breaker: b, moves } = breaker(3);
    b.settle('failure');
    b.settle('failure');
    b.settle('success');
    b.settle('failure');
    b.settle('failure');
    expect(b.state).toBe('closed');
    b.settle('failure');
    expect(b.state).toBe('open');
    expect(moves).toEqual(['closed->open']);
    expect(b.snapshot()).toEqual({ state: 'open', consecutiveFailures: 3, opened: 1 });
  });

  it('refuses calls while open and says when it will let a probe through', () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    expect(b.tryAcquire()).toBeUndefined();
    advance(400);
    expect(b.retryAfterMs()).toBe(600);
  });

  it('lets exactly one probe through once the reset timeout has passed, and closes when it succeeds', () => {
    const { breaker: b, moves, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    expect(b.state).toBe('half-open');
    const probe = b.tryAcquire();
    expect(probe).toEqual({ probe: true });
    expect(b.tryAcquire()).toBeUndefined();
    b.settle('success', probe);
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toEqual({ probe: false });
    expect(moves).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('opens again for a full reset timeout when the probe fails', () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    const probe = b.tryAcquire();
    advance(300);
    b.settle('failure', probe);
    expect(b.state).toBe('open');
    expect(b.retryAfterMs()).toBe(1000);
    expect(b.snapshot().opened).toBe(2);
  });

  it('frees the probe slot when the probe was cancelled, without deciding anything', () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    const probe = b.tryAcquire();
    b.settle(b.outcomeOf(new CancelledError('user')), probe);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toEqual({ probe: true });
  });

  it('lets a health check close a half-open breaker without holding a permit', () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    b.settle('success');
    expect(b.state).toBe('closed');
  });

  it('ignores a late success that arrives while it is open', () => {
    const { breaker: b } = breaker(1, 1000);
    b.settle('failure');
    b.settle('success');
    expect(b.state).toBe('open');
  });
});

describe('isServerFault', () => {
  it('counts lost connections and timeouts, not answers from the server or cancellations', () => {
    expect(isServerFault(new ConnectionClosedError('gone'))).toBe(true);
    expect(isServerFault(new RequestTimeoutError(10, 'idle'))).toBe(true);
    expect(isServerFault(new Error('anything else'))).toBe(true);
    expect(isServerFault(new ProtocolError({ code: -32602, message: 'bad params' }))).toBe(false);
    expect(isServerFault(new CancelledError('user'))).toBe(false);
  });

  it('settles a guarded call with its outcome: a success closes a half-open breaker, a server fault opens it again', async () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    expect(await b.guard(b.tryAcquire()!, () => Promise.resolve('answer'))).toBe('answer');
    expect(b.state).toBe('closed');
    const lost = new ConnectionClosedError('gone');
    await expect(b.guard(b.tryAcquire()!, () => Promise.reject(lost))).rejects.toBe(lost);
    expect(b.state).toBe('open');
  });

  it('frees the probe of a guarded call the caller cancelled, without counting it', async () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    await expect(b.guard(b.tryAcquire()!, () => Promise.reject(new CancelledError('user')))).rejects.toThrow(CancelledError);
    expect(b.snapshot()).toEqual({ state: 'half-open', consecutiveFailures: 1, opened: 1 });
    expect(b.tryAcquire()).toEqual({ probe: true });
  });

  it('settles a probe whose operation throws synchronously before guard() returns: the next call may probe at once', async () => {
    const { breaker: b, advance } = breaker(1, 1000);
    b.settle('failure');
    advance(1000);
    const refused = new CancelledError('refused before sending');
    const guarded = b.guard(b.tryAcquire()!, () => {
      throw refused;
    });
    expect(b.tryAcquire()).toEqual({ probe: true });
    await expect(guarded).rejects.toBe(refused);
  });

  it('counts a synchronous throw of a guarded operation as a failure, and rejects with it', async () => {
    const { breaker: b } = breaker(1, 1000);
    const lost = new ConnectionClosedError('gone');
    const guarded = b.guard(b.tryAcquire()!, () => {
      throw lost;
    });
    expect(b.state).toBe('open');
    await expect(guarded).rejects.toBe(lost);
  });

  it('rejects, rather than throws, when the failure policy itself throws on a synchronous error', async () => {
    const policyError = new Error('isFailure broke');
    const b = new CircuitBreaker(
      {
        ...DEFAULT_BREAKER_OPTIONS,
        isFailure: () => {
          throw policyError;
        },
      },
      () => 0,
    );
    const guarded = b.guard(b.tryAcquire()!, () => {
      throw new Error('sync');
    });
    await expect(guarded).rejects.toBe(policyError);
  });
});
