import { describe, expect, it } from 'vitest';
import { ReceivedTask } from './received-task.js';

describe('a task the client runs for the server', () => {
  it('stops a wait for its outcome when the signal of the waiter aborts, rejecting with the reason', async () => {
    const task = new ReceivedTask('t1', 1, 60_000, 1000);
    const gaveUp = new AbortController();
    const waiting = task.outcome(gaveUp.signal);
    const reason = new Error('the server cancelled its tasks/result');
    gaveUp.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(task.status).toBe('working');
  });

  it('rejects at once a wait whose signal is already aborted', async () => {
    const task = new ReceivedTask('t1', 1, 60_000, 1000);
    const reason = new Error('already gone');
    await expect(task.outcome(AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('still resolves the other waiters, and later ones, when it ends after one gave up', async () => {
    const task = new ReceivedTask('t1', 1, 60_000, 1000);
    const gaveUp = new AbortController();
    const abandoned = task.outcome(gaveUp.signal);
    const kept = task.outcome(new AbortController().signal);
    gaveUp.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    task.complete({ answer: 42 });
    expect(await kept).toEqual({ result: { answer: 42 } });
    expect(await task.outcome()).toEqual({ result: { answer: 42 } });
  });
});
