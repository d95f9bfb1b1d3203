import { NonJsonOutputError } from '../errors/non-json-output-error.js';

/** How many distinct offending lines an error keeps. */
const KEPT_LINES = 5;

/** How long the handshake waits for a valid message after output that is not JSON: 3 seconds. */
export const DEFAULT_NON_JSON_GRACE_MS = 3000;

/**
 * Watches what a server writes during the handshake. Lines that are not JSON are tolerated as
 * long as a valid message follows; but when the server has written only such lines and then
 * nothing for `graceMs`, the current step's signal aborts with a `NonJsonOutputError`, so a
 * server that logs to stdout (or is no MCP server) fails in seconds, not at the connect timeout.
 */
export class OutputWatch {
  private readonly lines: string[] = [];
  private sawMessage = false;
  private current: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly graceMs: number,
    private readonly server: string | undefined,
  ) {}

  /** True when the server wrote lines that are not JSON and no valid message yet. */
  get noisy(): boolean {
    return !this.sawMessage && this.lines.length > 0;
  }

  /** The server wrote a line that is not JSON. */
  nonJson(line: string): void {
    if (this.sawMessage) return;
    // A server started again repeats itself: keep each line once.
    if (this.lines.length < KEPT_LINES && !this.lines.includes(line)) this.lines.push(line);
    this.restart();
  }

  /** A valid message arrived: stray lines from now on are diagnostics only. */
  message(): void {
    if (this.sawMessage) return;
    this.sawMessage = true;
    clearTimeout(this.timer);
  }

  /** Starts a step of the handshake (the probe, `initialize`): its signal is the one the watch aborts. */
  step(): AbortSignal {
    this.current = new AbortController();
    this.restart();
    return this.current.signal;
  }

  /** The error for what the server wrote; `cause` when something else ended the handshake. */
  error(cause?: unknown): NonJsonOutputError {
    return new NonJsonOutputError([...this.lines], {
      server: this.server,
      operation: 'connecting',
      ...(cause === undefined ? {} : { cause }),
    });
  }

  /** Stops watching. */
  dispose(): void {
    clearTimeout(this.timer);
    this.current = undefined;
  }

  private restart(): void {
    clearTimeout(this.timer);
    const step = this.current;
    if (step === undefined || !this.noisy || !Number.isFinite(this.graceMs)) return;
    this.timer = setTimeout(() => step.abort(this.error()), this.graceMs);
  }
}
