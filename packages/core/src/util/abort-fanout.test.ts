import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from './abort-fanout.js';

/** How many abort listeners the signal has. */
const listenerCount = (signal: AbortSignal): number => getEventListeners(signal, 'abort').length;

describe('onAbort', () => {
  it('calls every subscriber once when the signal aborts', () => {
    const controller = new AbortController();
    const seen: unknown[] = [];
    onAbort(controller.signal, (reason) => seen.push(['a', reason]));
    onAbort(controller.signal, (reason) => seen.push(['b', reason]));
    controller.abort('stop');
    expect(seen).toEqual([
      ['a', 'stop'],
      ['b', 'stop'],
    ]);
  });

  it('adds one listener to the signal however many subscribe', () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) onAbort(controller.signal, () => undefined);
    expect(listenerCount(controller.signal)).toBe(1);
  });

  it('removes its listener once the last subscriber leaves, so a composite signal is not kept alive', () => {
    const signal = AbortSignal.any([new AbortController().signal]);
    const first = onAbort(signal, () => undefined);
    const second = onAbort(signal, () => undefined);
    first();
    expect(listenerCount(signal)).toBe(1);
    second();
    expect(listenerCount(signal)).toBe(0);
  });

  it('subscribes again after everyone left, and calls only the subscribers still there', () => {
    const controller = new AbortController();
    const seen: string[] = [];
    onAbort(controller.signal, () => seen.push('gone'))();
    const stay = onAbort(controller.signal, () => seen.push('stays'));
    onAbort(controller.signal, () => seen.push('left'))();
    controller.abort();
    stay();
    expect(seen).toEqual(['stays']);
  });

  it('keeps each subscription apart: the same callback subscribed twice is called twice, and each unsubscribe removes one', () => {
    const controller = new AbortController();
    const seen: unknown[] = [];
    const callback = (reason: unknown): void => {
      seen.push(reason);
    };
    const first = onAbort(controller.signal, callback);
    onAbort(controller.signal, callback);
    first();
    first();
    expect(listenerCount(controller.signal)).toBe(1);
    controller.abort('once');
    expect(seen).toEqual(['once']);
  });

  it('calls the subscribers in the order they subscribed, after many came and went', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const kept = onAbort(controller.signal, () => seen.push(0));
    for (let i = 1; i <= 1000; i++) onAbort(controller.signal, () => seen.push(i))();
    onAbort(controller.signal, () => seen.push(1001));
    onAbort(controller.signal, () => seen.push(1002));
    controller.abort();
    kept();
    expect(seen).toEqual([0, 1001, 1002]);
  });
});
