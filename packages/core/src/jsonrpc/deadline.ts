/** Timeout settings of one request. */
export interface DeadlineOptions {
  /** Milliseconds without a response (or without progress, when `resetOnProgress`). */
  timeoutMs: number;
  /** Hard cap in milliseconds from the start, enforced even when progress keeps arriving. */
  maxTotalTimeoutMs?: number | undefined;
}

/**
 * The timers of one request: an idle timer that progress may push back, and an optional
 * total cap that nothing pushes back.
 */
export class Deadline {
  private idle: NodeJS.Timeout | undefined;
  private total: NodeJS.Timeout | undefined;

  constructor(options: DeadlineOptions, onExpire: (kind: 'idle' | 'total', ms: number) => void) {
    if (Number.isFinite(options.timeoutMs)) {
      this.idle = setTimeout(() => onExpire('idle', options.timeoutMs), options.timeoutMs);
    }
    const cap = options.maxTotalTimeoutMs;
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
