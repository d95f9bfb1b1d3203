import { CancelledError, CapabilityError, ConfigError, ProtocolError } from '@mcpx/core';

/** `closed`: calls go through. `open`: calls fail fast. `half-open`: one probe call may go through. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** How a request ended, as far as the breaker cares. `neutral` (the caller cancelled) says nothing about the server. */
export type Outcome = 'success' | 'failure' | 'neutral';

/** Options of a server's circuit breaker. */
export interface BreakerOptions {
  /** Consecutive failures (calls and health checks) that open the breaker. @default 5 */
  failureThreshold: number;
  /** How long the breaker stays open before it lets one probe through, in milliseconds. @default 30000 */
  resetTimeoutMs: number;
  /** Whether an error is the server's fault and counts as a failure. @default isServerFault */
  isFailure: (error: unknown) => boolean;
}

/**
 * The default failure test: an error counts unless the server answered it (a JSON-RPC error
 * is the server working), the caller cancelled, or the call itself was wrong.
 */
export function isServerFault(error: unknown): boolean {
  return !(
    ProtocolError.isInstance(error) ||
    CancelledError.isInstance(error) ||
    CapabilityError.isInstance(error) ||
    ConfigError.isInstance(error)
  );
}

/** The breaker's defaults: open after 5 failures in a row, probe again after 30 s. */
export const DEFAULT_BREAKER_OPTIONS: Readonly<BreakerOptions> = { failureThreshold: 5, resetTimeoutMs: 30_000, isFailure: isServerFault };

/** A breaker's counters, for statistics. */
export interface BreakerSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  /** How many times it opened. */
  opened: number;
}

/** A permission to send one request; `probe` when it is the half-open trial. */
export interface Permit {
  probe: boolean;
}

/**
 * A circuit breaker for one server: opens after `failureThreshold` consecutive failures,
 * lets one probe through after `resetTimeoutMs`, closes when the probe succeeds and opens
 * again when it fails.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private opens = 0;
  private probing = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
    private readonly onChange: (from: BreakerState, to: BreakerState) => void = () => undefined,
  ) {}

  /** The current state; an open breaker whose timeout has passed reads as half-open. */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.resetTimeoutMs) this.move('half-open');
    return this.current;
  }

  /** Milliseconds until a probe may go through; 0 when closed or half-open. */
  retryAfterMs(): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.options.resetTimeoutMs - this.now()) : 0;
  }

  /** Asks to send a request: a permit, or undefined when the breaker refuses. */
  tryAcquire(): Permit | undefined {
    const state = this.state;
    if (state === 'closed') return { probe: false };
    if (state === 'open' || this.probing) return undefined;
    this.probing = true;
    return { probe: true };
  }

  /** Reports how a request sent with `permit` ended; without a permit (a health check), it still counts. */
  settle(outcome: Outcome, permit?: Permit): void {
    if (permit?.probe) this.probing = false;
    if (outcome === 'success') this.succeeded();
    else if (outcome === 'failure') this.failed();
  }

  /** Runs `operation` under `permit` and settles the permit with how it ended. */
  guard<T>(permit: Permit, operation: () => Promise<T>): Promise<T> {
    const failed = (error: unknown): never => {
      this.settle(this.outcomeOf(error), permit);
      throw error;
    };
    let running: Promise<T>;
    try {
      running = operation();
    } catch (error) {
      // Settled now, not a microtask later: a half-open breaker must not count this probe as running.
      try {
        this.settle(this.outcomeOf(error), permit);
      } catch (thrown) {
        return Promise.reject(thrown);
      }
      return Promise.reject(error);
    }
    return running.then((result) => {
      this.settle('success', permit);
      return result;
    }, failed);
  }

  /** Classifies an error with the `isFailure` policy. */
  outcomeOf(error: unknown): Outcome {
    if (CancelledError.isInstance(error)) return 'neutral';
    return this.options.isFailure(error) ? 'failure' : 'success';
  }

  /** The counters, for statistics. */
  snapshot(): BreakerSnapshot {
    return { state: this.state, consecutiveFailures: this.failures, opened: this.opens };
  }

  private succeeded(): void {
    this.failures = 0;
    // A late success while open comes from a request admitted before the breaker opened: ignore it.
    if (this.state === 'half-open') this.move('closed');
  }

  private failed(): void {
    this.failures++;
    const state = this.state;
    if (state === 'half-open' || (state === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.opens++;
      this.move('open');
    }
  }

  private move(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    if (to !== 'half-open') this.probing = false;
    this.onChange(from, to);
  }
}
