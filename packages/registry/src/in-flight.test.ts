import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.js';

describe('the count of calls in flight', () => {
  it('counts a call until it settles, and wakes the waiters once none is left', async () => {
    const inFlight = new InFlight();
    let finish!: (value: string) => void;
    const call = inFlight.track(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(inFlight.size).toBe(1);
    let idle = false;
    const waiting = inFlight.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    finish('done');
    expect(await call).toBe('done');
    await waiting;
    expect(inFlight.size).toBe(0);
  });

  it('releases a call that rejects, and passes its error on', async () => {
    const inFlight = new InFlight();
    const error = new Error('refused');
    await expect(inFlight.track(() => Promise.reject(error))).rejects.toBe(error);
    expect(inFlight.size).toBe(0);
  });

  it('releases a call that throws synchronously before track() returns, and rejects with its error', async () => {
    const inFlight = new InFlight();
    const error = new Error('thrown at once');
    const call = inFlight.track(() => {
      throw error;
    });
    expect(inFlight.size).toBe(0);
    await expect(call).rejects.toBe(error);
    await inFlight.idle();
  });
});
