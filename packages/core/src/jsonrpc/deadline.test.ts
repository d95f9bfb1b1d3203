import { afterEach, describe, expect, it } from 'vitest';
import { DeadlineTimer, type Deadline, type DeadlineKind } from './deadline.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds, checking every 10 ms; fails after 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (const started = Date.now(); !done(); await tick(10)) {
    if (Date.now() - started > 10_000) throw new Error('the condition did not hold within 10 s');
  }
}
const refedTimers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** A timer over a list of deadlines, recording what expired. */
function setup() {
  const live: Array<Deadline<string>> = [];
  const expired: Array<[string, DeadlineKind, number]> = [];
  const timer = new DeadlineTimer<string>(
    (key, kind, ms) => expired.push([key, kind, ms]),
    () => live,
  );
  const start = (key: string, timeoutMs: number, maxTotalTimeoutMs?: number) => {
    const deadline = timer.start(key, timeoutMs, maxTotalTimeoutMs, performance.now());
    if (deadline) live.push(deadline);
    return deadline;
  };
  return { timer, expired, start };
}

describe('the shared deadline timer', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('expires every due request when the expiry of one throws, then rethrows that error', async () => {
    const live: Array<Deadline<string>> = [];
    const expired: string[] = [];
    const timer = new DeadlineTimer<string>(
      (key) => {
        expired.push(key);
        if (key === 'a') throw new Error('expiry of a failed');
      },
      () => live,
    );
    stop = () => timer.stop();
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown): void => void thrown.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const now = performance.now();
      for (const key of ['a', 'b']) live.push(timer.start(key, 30, undefined, now)!);
      await until(() => expired.length === 2 && thrown.length === 1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(expired).toEqual(['a', 'b']);
    expect(thrown).toEqual([expect.objectContaining({ message: 'expiry of a failed' })]);
  });

  it('expires a short deadline started after a long one at its own time', async () => {
    const { timer, expired, start } = setup();
    stop = () => timer.stop();
    start('long', 60_000);
    start('short', 30);
    await until(() => expired.length > 0);
    expect(expired).toEqual([['short', 'idle', 30]]);
  });

  it('expires each of several deadlines once, in turn', async () => {
    const { timer, expired, start } = setup();
    stop = () => timer.stop();
    start('a', 20);
    start('b', 60);
    await until(() => expired.length >= 2);
    await tick(50);
    expect(expired).toEqual([
      ['a', 'idle', 20],
      ['b', 'idle', 60],
    ]);
  });

  it('lets touch push back the idle deadline but not the total cap', async () => {
    const { timer, expired, start } = setup();
    stop = () => timer.stop();
    // Touched every 100 ms, the idle timeout of 2 s never runs out unless touch is ignored.
    const deadline = start('work', 2000, 2500);
    const touching = setInterval(() => deadline?.touch(), 100);
    await until(() => expired.length > 0);
    clearInterval(touching);
    expect(expired).toEqual([['work', 'total', 2500]]);
  });

  it('watches nothing when neither limit is finite', () => {
    const { timer, start } = setup();
    stop = () => timer.stop();
    expect(start('forever', Infinity)).toBeUndefined();
  });

  it('stops holding the process open once every deadline is cleared, and holds it again for a new one', () => {
    const { timer, start } = setup();
    stop = () => timer.stop();
    const before = refedTimers();
    const first = start('first', 60_000);
    expect(refedTimers()).toBe(before + 1);
    first?.clear();
    expect(refedTimers()).toBe(before);
    const second = start('second', 60_000);
    expect(refedTimers()).toBe(before + 1);
    second?.clear();
    expect(refedTimers()).toBe(before);
  });

  it('waits for a deadline further away than a Node timer can wait, without expiring it early', async () => {
    const { timer, expired, start } = setup();
    stop = () => timer.stop();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    start('far', 30 * 24 * 3600 * 1000);
    await tick(200);
    process.off('warning', onWarning);
    expect(expired).toEqual([]);
    expect(warnings.map((w) => w.name)).not.toContain('TimeoutOverflowWarning');
  });

  it('never expires a cleared deadline', async () => {
    const { timer, expired, start } = setup();
    stop = () => timer.stop();
    start('answered', 20)?.clear();
    await tick(200);
    expect(expired).toEqual([]);
  });
});
