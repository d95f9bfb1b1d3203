/** Timeout settings of one request. */
export interface DeadlineOptions {
  /** Milliseconds without a response (or without progress, when `resetOnProgress`). */
  timeout: number;
  /** Hard cap in milliseconds from the start, enforced even when progress keeps arriving. */
  maxTotalTimeout?: number | undefined;
}

/**
 * The timers of one request: an idle timer that progress may push back, and an optional
 * total cap that nothing pushes back.
 */
export class Deadline {
  private idle: NodeJS.Timeout | undefined;
  private total: NodeJS.Timeout | undefined;

  constructor(options: DeadlineOptions, onExpire: (kind: 'idle' | 'total', ms: number) => void) {
    if (Number.isFinite(options.timeout)) {
      this.idle = setTimeout(() => onExpire('idle', options.timeout), options.timeout);
    }
    const cap = options.maxTotalTimeout;
    if (cap !== undefined && Number.isFinite(cap)) {
      this.total = setTimeout(() => onExpire('total', cap), cap);
    }
  }

  /** Restarts the idle timer; the total cap keeps running. */
  touch(): void {
    this.idle?.refresh();
  }

  /** Stops both timers. */
  clear(): void {
    clearTimeout(this.idle);
    clearTimeout(this.total);
  }
}
