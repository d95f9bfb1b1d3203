import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';

describe('Exchange', () => {
  it('runs each hook once with the reason of the first abort, and none that was removed', () => {
    const exchange = new Exchange();
    const seen: unknown[] = [];
    const removed = (): void => void seen.push('removed');
    exchange.onAbort((reason) => seen.push(reason));
    exchange.onAbort(removed);
    exchange.offAbort(removed);
    exchange.abort('first');
    exchange.abort('second');
    expect(seen).toEqual(['first']);
    expect(exchange).toMatchObject({ aborted: true, reason: 'first' });
  });

  it('runs the hooks left in the order they were added, when the first was removed before others came', () => {
    const exchange = new Exchange();
    const seen: string[] = [];
    const first = (): void => void seen.push('first');
    exchange.onAbort(first);
    exchange.onAbort(() => seen.push('second'));
    exchange.offAbort(first);
    exchange.onAbort(() => seen.push('third'));
    exchange.onAbort(first);
    exchange.abort();
    expect(seen).toEqual(['second', 'third', 'first']);
  });

  it('runs a hook added after the abort at once', () => {
    const exchange = new Exchange();
    exchange.abort('gone');
    let reason: unknown;
    exchange.onAbort((given) => {
      reason = given;
    });
    expect(reason).toBe('gone');
  });

  it('makes an AbortSignal only when asked, aborted with the exchange', () => {
    const before = new Exchange();
    const signal = before.signal;
    expect(signal.aborted).toBe(false);
    before.abort(new Error('stop'));
    expect(signal.reason).toEqual(new Error('stop'));
    const after = new Exchange();
    after.abort('late');
    expect(after.signal.reason).toBe('late');
  });

  it("follows a caller's signal until unlinked", () => {
    const controller = new AbortController();
    const linked = new Exchange();
    const unlinked = new Exchange();
    linked.follow(controller.signal);
    unlinked.follow(controller.signal)();
    controller.abort('user gave up');
    expect(linked.reason).toBe('user gave up');
    expect(unlinked.aborted).toBe(false);
    const late = new Exchange();
    late.follow(controller.signal);
    expect(late.reason).toBe('user gave up');
  });
});
