import { EventHub } from '@mcpx/core/internal';
import type { BreakerState } from './circuit-breaker.js';
import type { CatalogKind } from './catalog.js';
import type { StateChange } from './server-state.js';

/** A health check's outcome. */
export interface HealthEvent {
  server: string;
  /** The server answered in time. */
  ok: boolean;
  /** It answered, but slower than `health.degradedLatencyMs`. */
  slow: boolean;
  /** How long the check took, in milliseconds. */
  latencyMs: number;
  /** Failed checks in a row, this one included. */
  consecutiveFailures: number;
  /** Why it failed. */
  error?: Error | undefined;
}

/** Everything a registry reports, keyed by event type. */
export interface RegistryEventMap {
  /** A server's state changed. */
  state: StateChange;
  /** A health check completed. */
  health: HealthEvent;
  /** A server's circuit breaker changed state. */
  breaker: { server: string; from: BreakerState; to: BreakerState };
  /** The next connection attempt is scheduled in `delayMs`, after `error`: a failed attempt or a lost connection. `attempt` counts from 1 in each series. */
  reconnect: { server: string; attempt: number; delayMs: number; error: Error };
  /** A server's cached catalog entries went stale: a list-changed notification, or a new connection. */
  catalog: { server: string; kind: CatalogKind; reason: 'list_changed' | 'reconnected' };
  /** A failure not tied to a call: a throwing listener, a subscription the server refused. */
  error: { server?: string | undefined; error: Error };
}

/** One event with its type, as `observe()` yields it. */
export type RegistryEvent = { [K in keyof RegistryEventMap]: { type: K } & RegistryEventMap[K] }[keyof RegistryEventMap];

/** The registry's emitter: core's `EventHub`; a throwing listener is reported as an `error` event. */
export class RegistryEvents extends EventHub<RegistryEventMap> {}
