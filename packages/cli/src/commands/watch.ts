import { booleanFlag, stringFlag } from '../args/parse.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseCount, parseDuration } from '../values/duration.js';

/** The `--watch`, `--interval` and `--count` flags. */
export interface WatchOptions {
  readonly watch: boolean;
  readonly intervalMs: number;
  /** Refreshes before stopping; one without --watch. */
  readonly count: number;
}

/** Reads the watch flags. */
export function watchOptions(context: Context): WatchOptions {
  const interval = stringFlag(context.args, 'interval');
  const count = stringFlag(context.args, 'count');
  const watch = booleanFlag(context.args, 'watch');
  return {
    watch,
    intervalMs: interval === undefined ? 2000 : parseDuration(interval, 'interval'),
    count: count !== undefined ? parseCount(count, 'count') : watch ? Infinity : 1,
  };
}

/** What a watch shows: a table, a JSON document, and the exit code it ends with. */
export interface WatchView {
  text(): string;
  json(): unknown;
  exitCode(): number;
}

/** Whether refreshes replace each other in place: `--watch` on a terminal, without --json. */
export function isLive(context: Context, options: WatchOptions): boolean {
  return options.watch && context.io.stdout.isTTY === true && !context.json;
}

/**
 * Where a watch draws: on a terminal each table replaces the previous one in place; elsewhere
 * they follow each other (with --json: one JSON document a line).
 */
export class WatchScreen {
  private previousLines = 0;
  private drawn = 0;
  private readonly live: boolean;

  constructor(
    private readonly context: Context,
    private readonly options: WatchOptions,
    private readonly view: WatchView,
  ) {
    this.live = isLive(context, options);
  }

  /** Shows the view as it is now. */
  draw(): void {
    const { context, options } = this;
    if (context.json) {
      context.print(`${JSON.stringify(this.view.json(), null, options.watch ? undefined : 2)}\n`);
      return;
    }
    const heading = options.watch
      ? `${context.out.dim(`every ${options.intervalMs / 1000}s · ${new Date().toLocaleTimeString()} · Ctrl-C stops`)}\n`
      : '';
    const text = heading + this.view.text();
    if (this.live && this.previousLines > 0) context.print(`\u001b[${this.previousLines}A\u001b[J`);
    else if (this.drawn > 0) context.print('\n');
    context.print(text);
    this.previousLines = text.split('\n').length - 1;
    this.drawn++;
  }
}

/**
 * Shows a view `count` times, `intervalMs` apart, on `screen` (which may have drawn already).
 * Resolves with 130 when interrupted, else with what `exitCode()` says after the last refresh.
 */
export async function watchLoop(
  context: Context,
  options: WatchOptions,
  view: WatchView,
  screen = new WatchScreen(context, options, view),
): Promise<number> {
  for (let round = 0; round < options.count; round++) {
    if (round > 0) {
      try {
        await sleep(options.intervalMs, context.signal);
      } catch {
        break;
      }
    }
    screen.draw();
  }
  return context.signal.aborted ? EXIT.interrupted : view.exitCode();
}

/** Resolves after `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
