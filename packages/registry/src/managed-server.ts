import { ConnectionClosedError, LoginRequiredError, type CallOptions, type McpClient } from '@mcpx/core';
import type { CatalogCache, CatalogKind } from './catalog.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import type { Clock } from './clock.js';
import { startConnect, type ConnectAttempt } from './connect-attempt.js';
import { CircuitOpenError } from './errors/circuit-open-error.js';
import { ServerUnavailableError } from './errors/server-unavailable-error.js';
import type { RegistryEvents } from './events.js';
import { HealthMonitor, type HealthResult } from './health-monitor.js';
import { InFlight } from './in-flight.js';
import { watchListChanges } from './list-changes.js';
import type { ResolvedServerRegistration } from './options.js';
import { ReconnectSchedule } from './reconnect.js';
import { isUp, StateMachine, type ServerState } from './server-state.js';
import { createView, type ConnectOutcome, type RegisteredServer } from './server-view.js';
import { StatsRecorder, type ServerStats } from './stats.js';
import { amendReason, asError } from './reasons.js';

/** What a server shares with the registry. */
export interface ServerContext {
  clock: Clock;
  events: RegistryEvents;
  catalog: CatalogCache;
  /** How a `ConnectTimeoutError` names the connect timeout. */
  connectTimeoutSetting?: string | undefined;
}

const KINDS: readonly CatalogKind[] = ['tools', 'resources', 'prompts'];

/**
 * One server's life: its state machine, its current client, the reconnect schedule, the
 * health monitor, the circuit breaker and its statistics.
 */
export class ManagedServer {
  readonly view: RegisteredServer;
  private readonly machine: StateMachine;
  private readonly breaker: CircuitBreaker;
  private readonly health: HealthMonitor | undefined;
  private readonly schedule: ReconnectSchedule | undefined;
  private readonly stats = new StatsRecorder();
  private readonly inFlight = new InFlight();
  private readonly lingering = new Set<Promise<void>>();
  private client: McpClient | undefined;
  private detach: Array<() => void> = [];
  /** Stops counting the responses of the current client; kept apart so calls cut off by our own close still count. */
  private detachStats: () => void = () => undefined;
  private attempt: ConnectAttempt | undefined;
  private attemptDone: Promise<ConnectOutcome> | undefined;
  /** Settles when the clients this server closed are gone; a new connection waits for it. */
  private retired: Promise<void> = Promise.resolve();
  private connectedAt: number | undefined;
  private hadConnection = false;
  private healthy = true;
  private lastError: Error | undefined;
  private enabled: boolean;
  private ended = false;
  private paused = false;

  constructor(
    readonly config: ResolvedServerRegistration,
    private readonly context: ServerContext,
  ) {
    const { clock, events } = context;
    this.enabled = config.enabled;
    this.machine = new StateMachine(config.name, config.enabled ? 'disconnected' : 'disabled', (change) => events.emit('state', change), () => clock.now());
    this.breaker = new CircuitBreaker(config.breaker, () => clock.now(), (from, to) => {
      events.emit('breaker', { server: config.name, from, to });
      this.refreshHealthState(`circuit breaker ${to}`);
    });
    this.health =
      config.health === false
        ? undefined
        : new HealthMonitor(config.name, config.health, clock, { isDegraded: () => this.state === 'degraded', onResult: (result) => this.onHealth(result) });
    this.schedule = config.reconnect === false ? undefined : new ReconnectSchedule(config.reconnect, config.stableAfterMs, clock);
    this.view = createView(this);
  }

  get name(): string {
    return this.config.name;
  }

  get state(): ServerState {
    return this.machine.state;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  get currentClient(): McpClient | undefined {
    return this.client;
  }

  get error(): Error | undefined {
    return this.lastError;
  }

  get breakerState(): BreakerState {
    return this.breaker.state;
  }

  /** Connects now: a no-op when up, joins an attempt under way, skips the wait of a scheduled reconnection. */
  connect(): Promise<ConnectOutcome> {
    const state = this.state;
    if (!this.enabled) return Promise.resolve(this.outcome(new ServerUnavailableError(this.name, 'disabled'), this.context.clock.now()));
    if (this.paused) return Promise.resolve(this.outcome(new ServerUnavailableError(this.name, state), this.context.clock.now()));
    if (isUp(state)) return Promise.resolve(this.outcome(undefined, this.context.clock.now()));
    if (this.attemptDone !== undefined) return this.attemptDone;
    this.schedule?.cancel();
    if (state === 'disconnected' || state === 'failed' || state === 'needs-login') {
      this.schedule?.reset();
      this.machine.moveTo('connecting', 'connection requested');
    }
    return this.startAttempt();
  }

  /** Switches the server on and connects it. */
  enable(): Promise<ConnectOutcome> {
    if (!this.enabled) {
      this.enabled = true;
      this.schedule?.reset();
      this.machine.moveTo('connecting', 'enabled');
      return this.startAttempt();
    }
    return this.connect();
  }

  /** Switches the server off: stops retrying and checking, closes its connection, and resolves once it is closed. */
  async disable(): Promise<void> {
    if (!this.enabled) return;
    this.enabled = false;
    await this.stop('disabled', 'disabled');
  }

  /** Stops background work before the registry closes: no more health checks, reconnections or connection attempts. */
  pause(): void {
    this.paused = true;
    this.schedule?.cancel();
    this.health?.stop();
    this.attempt?.abort(new ServerUnavailableError(this.name, this.state));
    this.attempt = undefined;
    this.attemptDone = undefined;
  }

  /**
   * Ends everything for good (registry closing, or unregister): the server ends `disconnected`,
   * or stays `failed`, `needs-login` or `disabled` to tell how it ended. Resolves once its connections are
   * closed and, until `deadline`, once abandoned attempts have settled.
   */
  async end(deadline: Promise<void>): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const state = this.state;
    await this.stop(state === 'failed' || state === 'needs-login' || state === 'disabled' ? state : 'disconnected', 'registry closed');
    await Promise.race([Promise.all([...this.lingering]), deadline]);
  }

  /** Runs `operation` on the live client: refused at once unless the server is up and its breaker admits the call. */
  async call<T>(method: string, operation: (client: McpClient, options: CallOptions) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const client = this.client;
    const state = this.state;
    if (client === undefined || !isUp(state)) {
      this.stats.rejected();
      throw new ServerUnavailableError(this.name, state, { method, cause: this.lastError });
    }
    const permit = this.breaker.tryAcquire();
    if (permit === undefined) {
      this.stats.rejected();
      throw new CircuitOpenError(this.name, this.breaker.retryAfterMs(), { method });
    }
    const timeoutMs = options.timeoutMs ?? this.config.requestTimeoutMs;
    const callOptions = timeoutMs === undefined ? options : { ...options, timeoutMs };
    return this.inFlight.track(async () => {
      try {
        const result = await operation(client, callOptions);
        this.breaker.settle('success', permit);
        return result;
      } catch (error) {
        this.breaker.settle(this.breaker.outcomeOf(error), permit);
        throw error;
      }
    });
  }

  /** Counts a call refused before reaching this server (registry closing). */
  rejected(): void {
    this.stats.rejected();
  }

  statistics(): ServerStats {
    const now = this.context.clock.now();
    const last = this.lastError as (Error & { code?: unknown }) | undefined;
    const code = typeof last?.code === 'string' || typeof last?.code === 'number' ? last.code : undefined;
    return {
      name: this.name,
      state: this.state,
      enabled: this.enabled,
      tags: [...this.config.tags],
      requests: this.stats.requests(this.inFlight.size),
      latency: this.stats.latencyStats(),
      uptimeMs: this.connectedAt === undefined ? 0 : now - this.connectedAt,
      connectedAt: this.connectedAt ?? null,
      reconnects: this.stats.reconnects,
      connectFailures: this.stats.connectFailures,
      lastError: last === undefined ? null : { name: last.name, message: last.message, ...(code === undefined ? {} : { code }) },
      health: this.health?.snapshot() ?? { checks: 0, failures: 0, errorRate: 0, consecutiveFailures: 0, lastLatencyMs: null, lastCheckAt: null },
      breaker: this.breaker.snapshot(),
    };
  }

  private startAttempt(): Promise<ConnectOutcome> {
    const { clock } = this.context;
    const started = clock.now();
    const retired = this.retired;
    const connect = async (signal: AbortSignal): Promise<McpClient> => {
      await retired;
      signal.throwIfAborted();
      return this.config.connect(signal);
    };
    const attempt = startConnect(this.name, connect, this.config.connectTimeoutMs, clock, this.context.connectTimeoutSetting);
    this.attempt = attempt;
    this.linger(attempt.settled);
    const done = attempt.client.then(
      (client) => {
        if (this.attempt === attempt) return this.adopt(client, started);
        this.retire(client);
        return this.outcome(new ServerUnavailableError(this.name, this.state), started);
      },
      (error: unknown) => (this.attempt === attempt ? this.attemptFailed(asError(error), started) : this.outcome(asError(error), started)),
    );
    this.attemptDone = done;
    const forget = (): void => {
      if (this.attemptDone === done) this.attemptDone = undefined;
    };
    done.then(forget, forget);
    return done;
  }

  private adopt(client: McpClient, started: number): ConnectOutcome {
    this.attempt = undefined;
    if (client.state !== 'connected') {
      this.retire(client);
      return this.attemptFailed(new ConnectionClosedError('the connection closed as soon as it was made', { server: this.name }), started);
    }
    const { clock, events, catalog } = this.context;
    this.client = client;
    this.connectedAt = clock.now();
    this.healthy = true;
    this.detach = [
      client.on('state', (event) => {
        if (event.to === 'closed' && this.client === client) this.lost(event.reason ?? new ConnectionClosedError('the connection closed', { server: this.name }));
      }),
      watchListChanges(
        client,
        (kind) => {
          catalog.invalidate(this.name, kind);
          events.emit('catalog', { server: this.name, kind, reason: 'list_changed' });
        },
        (error) => events.emit('error', { server: this.name, error }),
      ),
    ];
    this.detachStats = client.on('response', (event) => this.stats.record(event.durationMs, event.error === undefined));
    this.schedule?.connected();
    if (this.hadConnection) {
      this.stats.reconnects++;
      catalog.invalidate(this.name);
      for (const kind of KINDS) events.emit('catalog', { server: this.name, kind, reason: 'reconnected' });
    }
    this.hadConnection = true;
    this.machine.moveTo(this.breaker.state === 'closed' ? 'connected' : 'degraded', `connected in ${clock.now() - started} ms`);
    this.health?.start(client);
    return this.outcome(undefined, started);
  }

  private attemptFailed(error: Error, started: number): ConnectOutcome {
    this.attempt = undefined;
    this.lastError = error;
    this.stats.connectFailures++;
    if (LoginRequiredError.isInstance(error)) this.machine.moveTo('needs-login', amendReason(`connection attempt failed: ${error.message}`, 'not retrying until someone logs in'), error);
    else if (this.config.shouldReconnect(error)) this.retryLater(`connection attempt failed: ${error.message}`, error);
    else this.machine.moveTo('failed', `connection attempt failed and cannot succeed by retrying: ${error.message}`, error);
    return this.outcome(error, started);
  }

  /** The live connection ended without us closing it. */
  private lost(reason: Error): void {
    const detachStats = this.release();
    detachStats(); // the client is closed: every response it will report is in
    this.lastError = reason;
    this.schedule?.disconnected();
    this.retryLater(`connection lost: ${reason.message}`, reason);
  }

  /** Health checks say the connection is dead: close it and make a new one. */
  private replace(reason: string, error: Error | undefined): void {
    const client = this.client;
    if (client === undefined) return;
    this.retire(client, this.release());
    this.schedule?.disconnected();
    this.retryLater(reason, error ?? new ConnectionClosedError(reason, { server: this.name }));
  }

  private retryLater(reason: string, error: Error): void {
    if (this.paused) {
      this.machine.moveTo('disconnected', amendReason(reason, 'not reconnecting while the registry closes'), error);
      return;
    }
    const planned = this.schedule?.plan(() => {
      if (this.enabled && !this.ended && this.state === 'reconnecting') void this.startAttempt();
    });
    if (planned === undefined) {
      const why = this.schedule === undefined ? 'reconnection is off' : `the reconnect policy gave up after ${this.schedule.attempt} attempts`;
      this.machine.moveTo('failed', amendReason(reason, why), error);
      return;
    }
    this.machine.moveTo('reconnecting', reason, error);
    this.context.events.emit('reconnect', { server: this.name, attempt: planned.attempt, delayMs: planned.delayMs, error });
  }

  private onHealth(result: HealthResult): void {
    const health = this.config.health;
    if (health === false) return;
    this.healthy = result.ok && !result.slow;
    if (!result.ok) this.lastError = result.error;
    this.context.events.emit('health', {
      server: this.name,
      ok: result.ok,
      slow: result.slow,
      latencyMs: result.latencyMs,
      consecutiveFailures: result.consecutiveFailures,
      error: result.error,
    });
    this.breaker.settle(result.ok ? 'success' : this.breaker.outcomeOf(result.error));
    if (!result.ok && result.consecutiveFailures >= health.failureThreshold) {
      this.replace(`${result.consecutiveFailures} health checks failed in a row: ${result.error?.message ?? 'no answer'}`, result.error);
      return;
    }
    const reason = !result.ok
      ? `health check failed: ${result.error?.message ?? 'no answer'}`
      : result.slow
        ? `health check took ${result.latencyMs} ms, more than ${health.degradedLatencyMs} ms`
        : `health check passed in ${result.latencyMs} ms`;
    this.refreshHealthState(reason, result.error);
  }

  /** Moves between connected and degraded as health and the breaker say. */
  private refreshHealthState(reason: string, error?: Error): void {
    const state = this.state;
    if (!isUp(state)) return;
    const degraded = !this.healthy || this.breaker.state !== 'closed';
    if (degraded && state === 'connected') this.machine.moveTo('degraded', reason, error);
    else if (!degraded && state === 'degraded') this.machine.moveTo('connected', reason);
  }

  private async stop(to: 'disabled' | 'disconnected' | 'failed' | 'needs-login', reason: string): Promise<void> {
    this.schedule?.reset();
    this.attempt?.abort(new ServerUnavailableError(this.name, to));
    this.attempt = undefined;
    this.attemptDone = undefined;
    const client = this.client;
    const detachStats = this.release();
    if (client !== undefined) this.retire(client, detachStats);
    this.machine.moveTo(to, reason);
    await this.retired;
  }

  /** Forgets the live client without closing it; returns what stops counting its responses. */
  private release(): () => void {
    for (const off of this.detach.splice(0)) off();
    const detachStats = this.detachStats;
    this.detachStats = () => undefined;
    this.client = undefined;
    this.connectedAt = undefined;
    this.health?.stop();
    return detachStats;
  }

  /** Closes a client we no longer use, counting the calls it cuts off; the next connection waits until it is gone. */
  private retire(client: McpClient, detachStats: () => void = () => undefined): void {
    const closing = client
      .close()
      .catch(() => undefined)
      .finally(detachStats);
    this.retired = Promise.all([this.retired, closing]).then(() => undefined);
    this.linger(closing);
  }

  private linger(work: Promise<void>): void {
    this.lingering.add(work);
    const forget = (): void => void this.lingering.delete(work);
    work.then(forget, forget);
  }

  private outcome(error: Error | undefined, started: number): ConnectOutcome {
    const durationMs = this.context.clock.now() - started;
    return error === undefined
      ? { server: this.name, ok: true, state: this.state, durationMs }
      : { server: this.name, ok: false, state: this.state, durationMs, error };
  }
}
