/** How often a status line is redrawn once shown. */
const PERIOD_MS = 100;

/**
 * Draws a status line after `delayMs` (so that quick work never shows one), then every 100 ms,
 * until stopped; its timers never keep the process alive.
 */
export class Redraw {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly draw: () => void) {}

  /** True from `start` until `stop`. */
  get started(): boolean {
    return this.timer !== undefined;
  }

  start(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.draw();
      this.timer = setInterval(this.draw, PERIOD_MS);
      this.timer.unref();
    }, delayMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
