import type { Style } from '../output/style.js';
import { formatMs } from '../values/duration.js';
import { SPINNER_FRAMES } from './progress-bar.js';
import type { StatusLine } from './status-line.js';
import { Redraw } from './redraw.js';

/**
 * A spinner on the status line while servers connect, naming those still connecting:
 * `⠹ connecting filesystem, memory (1 of 3 done)  0.8 s`. Drawn after a moment (a fleet that
 * is up at once shows nothing), and only when the status line is enabled (a terminal).
 */
export class ConnectSpinner {
  private readonly waiting: Set<string>;
  private frame = 0;
  private readonly started = performance.now();
  private readonly redraw = new Redraw(() => this.draw());

  constructor(
    private readonly line: StatusLine,
    private readonly style: Style,
    private readonly names: readonly string[],
  ) {
    this.waiting = new Set(names);
  }

  /** Starts drawing after `delayMs`. */
  start(delayMs = 200): void {
    if (!this.line.enabled || this.waiting.size === 0) return;
    this.redraw.start(delayMs);
  }

  /** `name` is connected, or failed. */
  settled(name: string): void {
    this.waiting.delete(name);
  }

  /** Removes the spinner. */
  stop(): void {
    this.redraw.stop();
    this.line.clear();
  }

  private draw(): void {
    const done = this.names.length - this.waiting.size;
    const progress = done === 0 ? '' : this.style.dim(` (${done} of ${this.names.length} done)`);
    const spinner = this.style.cyan(SPINNER_FRAMES[this.frame++ % SPINNER_FRAMES.length]!);
    this.line.show(
      `${spinner} connecting ${[...this.waiting].join(', ')}${progress}  ${this.style.dim(formatMs(performance.now() - this.started))}`,
    );
  }
}
