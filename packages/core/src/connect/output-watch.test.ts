import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NonJsonOutputError } from '../errors/non-json-output-error.js';
import { OutputWatch } from './output-watch.js';

describe('the watch on what a server writes during the handshake', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts the current step once only lines that are not JSON came and then nothing for the grace time', () => {
    const watch = new OutputWatch(3000, 'chatty');
    const step = watch.step();
    watch.nonJson('Server v1 starting');
    vi.advanceTimersByTime(2999);
    expect(step.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(NonJsonOutputError.isInstance(step.reason)).toBe(true);
    expect((step.reason as NonJsonOutputError).lines).toEqual(['Server v1 starting']);
    expect((step.reason as Error).message).toContain(
      'server "chatty", connecting: the server wrote output that is not JSON-RPC on stdout, starting with "Server v1 starting"',
    );
  });

  it('counts the grace time from the last such line', () => {
    const watch = new OutputWatch(3000, undefined);
    const step = watch.step();
    watch.nonJson('one');
    vi.advanceTimersByTime(2000);
    watch.nonJson('two');
    vi.advanceTimersByTime(2000);
    expect(step.aborted).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(step.aborted).toBe(true);
  });

  it('tolerates a stray line for good once a valid message arrived', () => {
    const watch = new OutputWatch(3000, undefined);
    const step = watch.step();
    watch.nonJson('banner');
    watch.message();
    watch.nonJson('a log line');
    vi.advanceTimersByTime(60_000);
    expect(step.aborted).toBe(false);
    expect(watch.noisy).toBe(false);
  });

  it('gives the next step its own grace time after lines the previous one saw', () => {
    const watch = new OutputWatch(3000, undefined);
    const probe = watch.step();
    watch.nonJson('Unknown method: server/discover');
    vi.advanceTimersByTime(3000);
    expect(probe.aborted).toBe(true);
    const initialize = watch.step();
    vi.advanceTimersByTime(2999);
    expect(initialize.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(initialize.aborted).toBe(true);
  });

  it('never fires when nothing but valid messages came', () => {
    const watch = new OutputWatch(3000, undefined);
    const step = watch.step();
    vi.advanceTimersByTime(60_000);
    expect(step.aborted).toBe(false);
  });
});
