import type { McpClient } from '@mcpx/core';
import type { Clock, TimerHandle } from './clock.js';
import { HealthCheckTimeoutError } from './errors/health-check-timeout-error.js';

/** Checks that a server answers; rejects when it does not. Must honour `signal`. */
export type HealthCheck = (client: McpClient, options: { signal: AbortSignal; timeoutMs: number }) => Promise<void>;

/** The default check: `client.ping()`, which sends `ping` to a legacy server and `server/discover` to a 2026-07-28 one. */
export const pingCheck: HealthCheck = (client, { signal, timeoutMs }) => client.ping({ signal, timeoutMs });

/** Options of a server's health monitoring. */
export interface HealthOptions {
  /** Milliseconds between checks while the server is healthy. @default 30000 */
  intervalMs: number;
  /** Milliseconds between checks while it is degraded, to notice recovery sooner. @default 5000 */
  degradedIntervalMs: number;
  /** How long a check may take before it counts as failed, in milliseconds. @default 10000 */
  timeoutMs: number;
  /** A check slower than this marks the server degraded, in milliseconds. @default 2000 */
  degradedLatencyMs: number;
  /** Failed checks in a row after which the connection counts as dead and is replaced. @default 3 */
  failureThreshold: number;
  /** The check itself. @default pingCheck */
  check: HealthCheck;
  /**
   * Share of the interval over which each wait is spread at random, 0 to 1, centred on the
   * interval so that checks come every `intervalMs` on average: 0.5 waits from 0.75 to 1.25 of
   * it, drawn anew each time, so that servers connected together do not check together and
   * never fall into step. 0 checks exactly every interval. @default 0.5
   */
  jitter?: number | undefined;
  /** Source of randomness of the jitter, 0 (inclusive) to 1 (exclusive); for tests. @default Math.random */
  random?: (() => number) | undefined;
}

/** The share of the interval over which waits are spread when `jitter` is not given. */
const DEFAULT_JITTER = 0.5;

/**
 * The health defaults: a ping every 30 s on average, each wait drawn from 22.5 to 37.5 s
 * (3.75 to 6.25 s, 5 s on average, while degraded), 10 s to answer, degraded above 2 s,
 * dead after 3 failures.
 */
export const DEFAULT_HEALTH_OPTIONS: Readonly<HealthOptions> = {
  intervalMs: 30_000,
  degradedIntervalMs: 5_000,
  timeoutMs: 10_000,
  degradedLatencyMs: 2_000,
  failureThreshold: 3,
  check: pingCheck,
  jitter: DEFAULT_JITTER,
  random: Math.random,
};

/**
 * A wait of `intervalMs` moved at random by up to half of `jitter` of it either way, so that
 * the mean wait stays `intervalMs`; never under 1 ms. A draw outside 0 (inclusive) to 1
 * (exclusive), or not a number, counts as the middle: the wait is then the interval itself.
 */
export function jitteredInterval(
  intervalMs: number,
  { jitter = DEFAULT_JITTER, random = Math.random }: Pick<HealthOptions, 'jitter' | 'random'>,
): number {
  const drawn = random();
  const share = drawn >= 0 && drawn < 1 ? drawn : 0.5;
  return Math.max(1, Math.round(intervalMs * (1 + jitter * (share - 0.5))));
}

/** One check's outcome. */
export interface HealthResult {
  ok: boolean;
  slow: boolean;
  latencyMs: number;
  consecutiveFailures: number;
  error?: Error | undefined;
}

/** Health counters, for statistics. */
export interface HealthSnapshot {
  /** Checks run so far, over every connection. */
  checks: number;
  /** Of which failed. */
  failures: number;
  /** Failed share of the last 20 checks, 0 to 1; 0 before any check. */
  errorRate: number;
  consecutiveFailures: number;
  /** Duration of the last check, in milliseconds; null before any. */
  lastLatencyMs: number | null;
  /** When the last check ended, in milliseconds since the epoch; null before any. */
  lastCheckAt: number | null;
}

/**
 * What one check's result says of the connection, with the reason a state change gives for it:
 * `dead` once `failureThreshold` checks failed in a row.
 */
export function judgeHealth(
  result: HealthResult,
  options: Pick<HealthOptions, 'failureThreshold' | 'degradedLatencyMs'>,
): { dead: boolean; reason: string } {
  const problem = result.error?.message ?? 'no answer';
  if (!result.ok && result.consecutiveFailures >= options.failureThreshold)
    return { dead: true, reason: `${result.consecutiveFailures} health checks failed in a row: ${problem}` };
  if (!result.ok) return { dead: false, reason: `health check failed: ${problem}` };
  if (result.slow) return { dead: false, reason: `health check took ${result.latencyMs} ms, more than ${options.degradedLatencyMs} ms` };
  return { dead: false, reason: `health check passed in ${result.latencyMs} ms` };
}

/** How many recent checks the error rate covers. */
const RATE_WINDOW = 20;

/**
 * Checks one server periodically, one check at a time: every `intervalMs`, or every
 * `degradedIntervalMs` while `isDegraded()` says so, each wait moved at random by up to half of
 * `jitter` of it either way. Each result goes to `onResult`.
 */
export class HealthMonitor {
  private session = 0;
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- TimerHandle is opaque (unknown); undefined here means no timer is set
  private timer: TimerHandle | undefined;
  private abort: AbortController | undefined;
  private checks = 0;
  private failures = 0;
  private consecutive = 0;
  private lastLatencyMs: number | null = null;
  private lastCheckAt: number | null = null;
  private readonly recent: boolean[] = [];

  constructor(
    private readonly server: string,
    private readonly options: HealthOptions,
    private readonly clock: Clock,
    private readonly hooks: { isDegraded: () => boolean; onResult: (result: HealthResult) => void },
  ) {}

  /** Starts checking `client`, first after one (jittered) interval; stops checking the previous one. */
  start(client: McpClient): void {
    this.stop();
    this.consecutive = 0;
    this.schedule(++this.session, client);
  }

  /** Stops checking; a check in flight is aborted and its result dropped. */
  stop(): void {
    this.session++;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  snapshot(): HealthSnapshot {
    const failed = this.recent.filter((ok) => !ok).length;
    return {
      checks: this.checks,
      failures: this.failures,
      errorRate: this.recent.length === 0 ? 0 : failed / this.recent.length,
      consecutiveFailures: this.consecutive,
      lastLatencyMs: this.lastLatencyMs,
      lastCheckAt: this.lastCheckAt,
    };
  }

  private schedule(session: number, client: McpClient): void {
    const interval = jitteredInterval(this.hooks.isDegraded() ? this.options.degradedIntervalMs : this.options.intervalMs, this.options);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      // run() turns a failed check into a result and does not reject.
      void this.run(session, client);
    }, interval);
  }

  private async run(session: number, client: McpClient): Promise<void> {
    const { timeoutMs } = this.options;
    const controller = new AbortController();
    this.abort = controller;
    const started = this.clock.now();
    const timeout = new HealthCheckTimeoutError(this.server, timeoutMs);
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
    );
    const timer = this.clock.setTimeout(() => controller.abort(timeout), timeoutMs);
    let error: Error | undefined;
    try {
      await Promise.race([this.options.check(client, { signal: controller.signal, timeoutMs }), aborted]);
    } catch (caught) {
      error = controller.signal.reason === timeout ? timeout : caught instanceof Error ? caught : new Error(String(caught));
    } finally {
      this.clock.clearTimeout(timer);
    }
    if (session !== this.session) return;
    this.abort = undefined;
    const latencyMs = this.clock.now() - started;
    this.record(error === undefined, latencyMs);
    const result: HealthResult = {
      ok: error === undefined,
      slow: error === undefined && latencyMs > this.options.degradedLatencyMs,
      latencyMs,
      consecutiveFailures: this.consecutive,
      error,
    };
    this.hooks.onResult(result);
    if (session === this.session) this.schedule(session, client);
  }

  private record(ok: boolean, latencyMs: number): void {
    this.checks++;
    if (ok) this.consecutive = 0;
    else {
      this.failures++;
      this.consecutive++;
    }
    this.lastLatencyMs = latencyMs;
    this.lastCheckAt = this.clock.now();
    this.recent.push(ok);
    if (this.recent.length > RATE_WINDOW) this.recent.shift();
  }
}
