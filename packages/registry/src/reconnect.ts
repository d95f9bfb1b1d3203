import { LocalError, type BackoffPolicy } from '@mcpx/core';
import type { Clock, TimerHandle } from './clock.js';

/**
 * The default test of whether a failed connection attempt is worth repeating: yes, unless it
 * is an mcpx error that says retrying cannot help (a command that does not exist, a
 * protocol version the server does not speak, refused credentials, an invalid answer).
 */
export function isRetryableFailure(error: unknown): boolean {
  return !(LocalError.isInstance(error) && !error.isRetryable);
}

/** The next attempt planned by a `ReconnectSchedule`. */
export interface PlannedAttempt {
  /** Attempts so far in this series, this one included, from 1. */
  attempt: number;
  delayMs: number;
}

/**
 * Paces the connection attempts of one server with a backoff policy. The series of attempts
 * restarts from the first delay only once a connection has lasted `stableAfterMs`, so a
 * server that keeps dropping right after connecting (flapping) waits longer each time.
 */
export class ReconnectSchedule {
  private attempts = 0;
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- TimerHandle is opaque (unknown); undefined here means no timer is set
  private timer: TimerHandle | undefined;
  private run: (() => void) | undefined;
  private connectedAt: number | undefined;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly stableAfterMs: number,
    private readonly clock: Clock,
  ) {}

  /** Attempts made in the current series. */
  get attempt(): number {
    return this.attempts;
  }

  /** True while an attempt waits for its delay. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Notes that a connection was made. */
  connected(): void {
    this.connectedAt = this.clock.now();
  }

  /** Notes that the connection was lost; a connection that lasted long enough starts a fresh series. */
  disconnected(): void {
    if (this.connectedAt !== undefined && this.clock.now() - this.connectedAt >= this.stableAfterMs) this.attempts = 0;
    this.connectedAt = undefined;
  }

  /** Schedules `run` after the policy's next delay; undefined (and nothing scheduled) when the policy gives up. */
  plan(run: () => void): PlannedAttempt | undefined {
    this.cancel();
    const delayMs = this.policy(this.attempts);
    if (delayMs === undefined) return undefined;
    this.attempts++;
    this.run = run;
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, delayMs));
    return { attempt: this.attempts, delayMs };
  }

  /** Runs the waiting attempt at once; false when none waits. */
  runNow(): boolean {
    if (this.timer === undefined) return false;
    this.clock.clearTimeout(this.timer);
    this.fire();
    return true;
  }

  /** Drops the waiting attempt, if any. */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.run = undefined;
  }

  /** Starts a fresh series: the next delay is the policy's first. */
  reset(): void {
    this.cancel();
    this.attempts = 0;
  }

  private fire(): void {
    const run = this.run;
    this.timer = undefined;
    this.run = undefined;
    run?.();
  }
}
