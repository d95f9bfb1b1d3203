import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.js';

/** An operation that ends when told, and the signal it ran with. */
function pending(): {
  operation: (signal: AbortSignal) => Promise<void>;
  finish: () => void;
  fail: (error: Error) => void;
  signal: () => AbortSignal | undefined;
} {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  let signal: AbortSignal | undefined;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { operation: (s) => ((signal = s), promise), finish, fail, signal: () => signal };
}

describe('SingleFlight', () => {
  it('runs one operation for every caller while it runs', async () => {
    const flight = new SingleFlight();
    const first = pending();
    const second = pending();
    const a = flight.run('login', first.operation);
    const b = flight.run('login', second.operation);
    first.finish();
    await Promise.all([a, b]);
    expect(second.signal()).toBeUndefined();
    expect(flight.running).toBeUndefined();
  });

  it('gives its failure to the waiters of its kind and not to the others', async () => {
    const flight = new SingleFlight();
    const op = pending();
    const started = flight.run('step-up', op.operation);
    const sameKind = flight.join('step-up');
    const otherKind = flight.join('refresh');
    const declined = new Error('declined');
    op.fail(declined);
    await expect(started).rejects.toBe(declined);
    await expect(sameKind).rejects.toBe(declined);
    await expect(otherKind).resolves.toBeUndefined();
  });

  it('lets a waiter leave on its own signal while the operation goes on for the others', async () => {
    const flight = new SingleFlight();
    const op = pending();
    const leaving = new AbortController();
    const started = flight.run('login', op.operation, leaving.signal);
    const staying = flight.join('login', new AbortController().signal);
    leaving.abort(new Error('timed out'));
    await expect(started).rejects.toThrow('timed out');
    expect(op.signal()?.aborted).toBe(false);
    op.finish();
    await expect(staying).resolves.toBeUndefined();
  });

  it('aborts the operation with the reason of the last waiter to leave, and starts the next one afresh', async () => {
    const flight = new SingleFlight();
    const op = pending();
    const only = new AbortController();
    const started = flight.run('login', op.operation, only.signal);
    only.abort(new Error('closed'));
    await expect(started).rejects.toThrow('closed');
    expect(op.signal()?.reason).toEqual(new Error('closed'));
    expect(flight.running).toBeUndefined();

    const next = pending();
    const again = flight.run('login', next.operation);
    expect(next.signal()?.aborted).toBe(false);
    next.finish();
    await again;
  });
});
