import type { Progress } from '@mcpx/core';
import { formatMs } from '../values/duration.js';
import type { Style } from '../output/style.js';
import type { StatusLine } from './status-line.js';
import { Redraw } from './redraw.js';

/** The frames of the spinners on the status line. */
export const SPINNER_FRAMES: readonly string[] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const BAR_WIDTH = 24;

/** The bar for `progress`: filled in proportion when the total is known, else a count. */
export function renderProgress(label: string, progress: Progress | undefined, elapsedMs: number, frame: number, style: Style): string {
  const spinner = style.cyan(SPINNER_FRAMES[frame % SPINNER_FRAMES.length]!);
  const time = style.dim(formatMs(elapsedMs));
  if (progress === undefined) return `${spinner} ${label}  ${time}`;
  const message = progress.message === undefined ? '' : `  ${progress.message}`;
  const { total } = progress;
  if (total === undefined || !(total > 0)) return `${spinner} ${label}  ${progress.progress} done${message}  ${time}`;
  const ratio = Math.min(1, Math.max(0, progress.progress / total));
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = style.green('█'.repeat(filled)) + style.dim('░'.repeat(BAR_WIDTH - filled));
  return `${spinner} ${label}  ${bar} ${progress.progress}/${total} ${String(Math.round(ratio * 100)).padStart(3)}%${message}  ${time}`;
}

/**
 * A progress bar on the status line for one call: a spinner after a moment, a bar once the
 * server reports progress, redrawn ten times a second.
 */
export class ProgressBar {
  private progress: Progress | undefined;
  /** What the call is doing besides its progress: the status of the task it became. */
  private detail = '';
  /** Whether it draws: `start` was called on a terminal. */
  private drawing = false;
  private frame = 0;
  private readonly started = performance.now();
  private readonly redraw = new Redraw(() => this.draw());

  constructor(
    private readonly line: StatusLine,
    private readonly label: string,
    private readonly style: Style,
  ) {}

  /** Whether the bar is drawn on a terminal (when it is not, callers say things as lines). */
  get shown(): boolean {
    return this.drawing;
  }

  /** Starts drawing after `delayMs` (quick calls never show a bar). */
  start(delayMs = 300): void {
    if (!this.line.enabled) return;
    this.drawing = true;
    this.redraw.start(delayMs);
  }

  /** Progress from the server. */
  update(progress: Progress): void {
    this.progress = progress;
    if (this.redraw.started) this.draw();
  }

  /** Shows `text` after the label (the status of the task the call became), until replaced. */
  describe(text: string): void {
    this.detail = text;
    if (this.redraw.started) this.draw();
  }

  /** Removes the bar. */
  stop(): void {
    this.redraw.stop();
    this.line.clear();
  }

  private draw(): void {
    const label = this.detail === '' ? this.label : `${this.label}  ${this.style.dim(this.detail)}`;
    this.line.show(renderProgress(label, this.progress, performance.now() - this.started, this.frame++, this.style));
  }
}
