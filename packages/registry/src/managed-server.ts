import { ConnectionClosedError, LoginRequiredError, type CallOptions, type McpClient } from '@mcpx/core';
import { CATALOG_KINDS, type CatalogCache } from './catalog.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import type { Clock } from './clock.js';
import { CircuitOpenError } from './errors/circuit-open-error.js';
import { ServerUnavailableError } from './errors/server-unavailable-error.js';
import type { RegistryEvents } from './events.js';
import { HealthMonitor, judgeHealth, type HealthResult } from './health-monitor.js';
import { InFlight } from './in-flight.js';
import type { ResolvedServerRegistration } from './options.js';
import { ReconnectSchedule } from './reconnect.js';
import { ServerClients } from './server-clients.js';
import { endStateOf, ServerLifecycle } from './server-lifecycle.js';
import { isUp, type ServerState } from './server-state.js';
import { createView, type ConnectOutcome, type RegisteredServer } from './server-view.js';
import { errorSummary, StatsRecorder, type ServerStats } from './stats.js';
import { amendReason } from './reasons.js';
import { withKey } from '@mcpx/core/internal';

/** What a server shares with the registry. */
export interface ServerContext {
  clock: Clock;
  events: RegistryEvents;
  catalog: CatalogCache;
  /** How a `ConnectTimeoutError` names the connect timeout. */
  connectTimeoutSetting?: string | undefined;
  /** Its registration order in the registry: of two servers giving a catalog name, the lower wins it. */
  order: number;
}

/**
 * One server's life: its lifecycle (state and stage, see `ServerLifecycle`), its client, the
 * reconnect schedule, the health monitor, the circuit breaker and its statistics.
 */
export class ManagedServer {
  readonly view: RegisteredServer;
  private readonly lifecycle: ServerLifecycle;
  private readonly breaker: CircuitBreaker;
  private readonly health: HealthMonitor | undefined;
  private readonly schedule: ReconnectSchedule | undefined;
  private readonly stats = new StatsRecorder();
  private readonly inFlight = new InFlight();
  private readonly clients: ServerClients;
  private hadConnection = false;
  private healthy = true;
  private lastError: Error | undefined;

  constructor(
    readonly config: ResolvedServerRegistration,
    private readonly context: ServerContext,
  ) {
    const { clock, events } = context;
    this.lifecycle = new ServerLifecycle(
      config.name,
      config.enabled,
      (change) => events.emit('state', change),
      () => clock.now(),
    );
    this.clients = new ServerClients({
      server: config.name,
      connect: config.connect,
      timeoutMs: config.connectTimeoutMs,
      clock,
      setting: context.connectTimeoutSetting,
    });
    this.breaker = new CircuitBreaker(
      config.breaker,
      () => clock.now(),
      (from, to) => {
        events.emit('breaker', { server: config.name, from, to });
        this.refreshHealthState(`circuit breaker ${to}`);
      },
    );
    this.health =
      config.health === false
        ? undefined
        : new HealthMonitor(config.name, config.health, clock, {
            isDegraded: () => this.state === 'degraded',
            onResult: (result) => this.onHealth(result),
          });
    this.schedule = config.reconnect === false ? undefined : new ReconnectSchedule(config.reconnect, config.stableAfterMs, clock);
    this.view = createView(this);
  }

  get name(): string {
    return this.config.name;
  }

  /** Its registration order: of two servers giving a catalog name, the lower wins it. */
  get order(): number {
    return this.context.order;
  }

  get state(): ServerState {
    return this.lifecycle.state;
  }

  get isEnabled(): boolean {
    return this.lifecycle.enabled;
  }

  get currentClient(): McpClient | undefined {
    return this.clients.current;
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
    if (!this.lifecycle.mayConnect)
      return Promise.resolve(this.outcome(new ServerUnavailableError(this.name, state), this.context.clock.now()));
    if (isUp(state)) return Promise.resolve(this.outcome(undefined, this.context.clock.now()));
    const pending = this.clients.pending;
    if (pending !== undefined) return pending;
    this.schedule?.cancel();
    if (this.lifecycle.atRest) {
      this.schedule?.reset();
      this.lifecycle.moveTo('connecting', 'connection requested');
    }
    return this.startAttempt();
  }

  /** Switches the server on and connects it. */
  enable(): Promise<ConnectOutcome> {
    if (this.lifecycle.enabled || this.lifecycle.stage !== 'open') return this.connect();
    this.schedule?.reset();
    this.lifecycle.moveTo('connecting', 'enabled');
    return this.startAttempt();
  }

  /** Switches the server off: stops retrying and checking, closes its connection, and resolves once it is closed. */
  async disable(): Promise<void> {
    if (!this.lifecycle.enabled) return;
    this.halt('disabled');
    this.lifecycle.moveTo('disabled', 'disabled');
    await this.clients.gone;
  }

  /** Stops background work before the registry closes: no more health checks, reconnections or connection attempts. */
  pause(): void {
    this.lifecycle.startClosing();
    this.schedule?.cancel();
    this.health?.stop();
    this.clients.abandon(new ServerUnavailableError(this.name, this.state));
  }

  /**
   * Ends everything for good (registry closing, or unregister): the server ends `disconnected`,
   * or stays `failed`, `needs-login` or `disabled` to tell how it ended. Resolves once its connections are
   * closed and, until `deadline`, once abandoned attempts have settled.
   */
  async end(deadline: Promise<void>): Promise<void> {
    if (this.lifecycle.stage === 'ended') return;
    this.halt(endStateOf(this.state));
    this.lifecycle.end('registry closed');
    await this.clients.gone;
    await this.clients.settled(deadline);
  }

  /** Runs `operation` on the live client: refused at once unless the server is up and its breaker admits the call. */
  call<T>(method: string, operation: (client: McpClient, options: CallOptions) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const client = this.clients.current;
    const state = this.state;
    if (client === undefined || !isUp(state)) {
      this.stats.rejected();
      return Promise.reject(new ServerUnavailableError(this.name, state, { method, cause: this.lastError }));
    }
    const permit = this.breaker.tryAcquire();
    if (permit === undefined) {
      this.stats.rejected();
      return Promise.reject(new CircuitOpenError(this.name, this.breaker.retryAfterMs(), { method }));
    }
    const timeoutMs = options.timeoutMs ?? this.config.requestTimeoutMs;
    const callOptions = timeoutMs === undefined ? options : withKey(options, 'timeoutMs', timeoutMs);
    return this.inFlight.track(() => this.breaker.guard(permit, () => operation(client, callOptions)));
  }

  /** Counts a call refused before reaching this server (registry closing). */
  rejected(): void {
    this.stats.rejected();
  }

  statistics(): ServerStats {
    const now = this.context.clock.now();
    const connectedAt = this.clients.connectedAt;
    return {
      name: this.name,
      state: this.state,
      enabled: this.lifecycle.enabled,
      tags: [...this.config.tags],
      requests: this.stats.requests(this.inFlight.size),
      latency: this.stats.latencyStats(),
      uptimeMs: connectedAt === undefined ? 0 : now - connectedAt,
      connectedAt: connectedAt ?? null,
      reconnects: this.stats.reconnects,
      connectFailures: this.stats.connectFailures,
      lastError: errorSummary(this.lastError),
      health: this.health?.snapshot() ?? {
        checks: 0,
        failures: 0,
        errorRate: 0,
        consecutiveFailures: 0,
        lastLatencyMs: null,
        lastCheckAt: null,
      },
      breaker: this.breaker.snapshot(),
    };
  }

  private startAttempt(): Promise<ConnectOutcome> {
    const started = this.context.clock.now();
    return this.clients.connect((result) => {
      if (result.kind === 'client') return this.adopt(result.client, started);
      if (result.kind === 'error') return this.attemptFailed(result.error, started);
      return this.outcome(result.error ?? new ServerUnavailableError(this.name, this.state), started);
    });
  }

  private adopt(client: McpClient, started: number): ConnectOutcome {
    if (client.state !== 'connected') {
      this.clients.retire(client);
      return this.attemptFailed(new ConnectionClosedError('the connection closed as soon as it was made', { server: this.name }), started);
    }
    const { clock, events, catalog } = this.context;
    this.healthy = true;
    this.clients.hold(client, clock.now(), {
      lost: (reason) => this.lost(reason),
      listChanged: (kind) => {
        catalog.invalidate(this.name, kind);
        events.emit('catalog', { server: this.name, kind, reason: 'list_changed' });
      },
      watchError: (error) => events.emit('error', { server: this.name, error }),
      response: (durationMs, ok) => this.stats.record(durationMs, ok),
    });
    this.schedule?.connected();
    if (this.hadConnection) {
      this.stats.reconnects++;
      catalog.invalidate(this.name);
      for (const kind of CATALOG_KINDS) events.emit('catalog', { server: this.name, kind, reason: 'reconnected' });
    }
    this.hadConnection = true;
    this.lifecycle.moveTo(this.breaker.state === 'closed' ? 'connected' : 'degraded', `connected in ${clock.now() - started} ms`);
    this.health?.start(client);
    return this.outcome(undefined, started);
  }

  private attemptFailed(error: Error, started: number): ConnectOutcome {
    this.lastError = error;
    this.stats.connectFailures++;
    if (LoginRequiredError.isInstance(error))
      this.lifecycle.moveTo(
        'needs-login',
        amendReason(`connection attempt failed: ${error.message}`, 'not retrying until someone logs in'),
        error,
      );
    else if (this.config.shouldReconnect(error)) this.retryLater(`connection attempt failed: ${error.message}`, error);
    else this.lifecycle.moveTo('failed', `connection attempt failed and cannot succeed by retrying: ${error.message}`, error);
    return this.outcome(error, started);
  }

  /** The live connection ended without us closing it. */
  private lost(reason: Error): void {
    this.health?.stop();
    const detachStats = this.clients.release();
    detachStats(); // the client is closed: every response it will report is in
    this.lastError = reason;
    this.schedule?.disconnected();
    this.retryLater(`connection lost: ${reason.message}`, reason);
  }

  /** Health checks say the connection is dead: close it and make a new one. */
  private replace(reason: string, error: Error | undefined): void {
    if (this.clients.current === undefined) return;
    this.health?.stop();
    this.clients.retireHeld();
    this.schedule?.disconnected();
    this.retryLater(reason, error ?? new ConnectionClosedError(reason, { server: this.name }));
  }

  private retryLater(reason: string, error: Error): void {
    if (this.lifecycle.stage === 'closing') {
      this.lifecycle.moveTo('disconnected', amendReason(reason, 'not reconnecting while the registry closes'), error);
      return;
    }
    const planned = this.schedule?.plan(() => {
      // The attempt's outcome shows in the state and its events; nobody awaits a reconnection.
      if (this.lifecycle.stage === 'open' && this.state === 'reconnecting') void this.startAttempt();
    });
    if (planned === undefined) {
      const why =
        this.schedule === undefined ? 'reconnection is off' : `the reconnect policy gave up after ${this.schedule.attempt} attempts`;
      this.lifecycle.moveTo('failed', amendReason(reason, why), error);
      return;
    }
    this.lifecycle.moveTo('reconnecting', reason, error);
    this.context.events.emit('reconnect', { server: this.name, attempt: planned.attempt, delayMs: planned.delayMs, error });
  }

  private onHealth(result: HealthResult): void {
    const health = this.config.health;
    if (health === false) return;
    this.healthy = result.ok && !result.slow;
    if (!result.ok) this.lastError = result.error;
    this.context.events.emit('health', { server: this.name, ...result });
    this.breaker.settle(result.ok ? 'success' : this.breaker.outcomeOf(result.error));
    const { dead, reason } = judgeHealth(result, health);
    if (dead) this.replace(reason, result.error);
    else this.refreshHealthState(reason, result.error);
  }

  /** Moves between connected and degraded as health and the breaker say. */
  private refreshHealthState(reason: string, error?: Error): void {
    this.lifecycle.settleUp(!this.healthy || this.breaker.state !== 'closed', reason, error);
  }

  /** Stops everything on the way to `to` (disabled or ended): retries, checks, the attempt under way, and closes the client. */
  private halt(to: ServerState): void {
    this.schedule?.reset();
    this.clients.abandon(new ServerUnavailableError(this.name, to));
    this.health?.stop();
    this.clients.retireHeld();
  }

  private outcome(error: Error | undefined, started: number): ConnectOutcome {
    const durationMs = this.context.clock.now() - started;
    return error === undefined
      ? { server: this.name, ok: true, state: this.state, durationMs }
      : { server: this.name, ok: false, state: this.state, durationMs, error };
  }
}
