/**
 * Where a server stands. `connected` and `degraded` take calls; every other state refuses
 * them at once.
 *
 * - `disconnected`: registered, not connected (yet, or after `close()`).
 * - `connecting`: a first or manual connection attempt is under way.
 * - `connected`: up and healthy.
 * - `degraded`: up, but health checks are slow or failing, or its circuit breaker is open.
 * - `reconnecting`: the connection was lost (or never made); attempts run with backoff.
 * - `failed`: the registry gave up (a permanent error, or the backoff policy said stop).
 * - `needs-login`: the server wants a user to log in (OAuth, `LoginRequiredError`); nothing
 *   is retried until a login and then `connect()`.
 * - `disabled`: switched off with `disable()`; nothing runs until `enable()`.
 */
export type ServerState = 'disconnected' | 'connecting' | 'connected' | 'degraded' | 'reconnecting' | 'failed' | 'needs-login' | 'disabled';

/** Every state, in lifecycle order. */
export const SERVER_STATES: readonly ServerState[] = [
  'disconnected',
  'connecting',
  'connected',
  'degraded',
  'reconnecting',
  'failed',
  'needs-login',
  'disabled',
];

/** The transitions a server may make; anything else is a bug in the registry. */
export const TRANSITIONS: Readonly<Record<ServerState, readonly ServerState[]>> = {
  disconnected: ['connecting', 'disabled'],
  connecting: ['connected', 'degraded', 'reconnecting', 'failed', 'needs-login', 'disconnected', 'disabled'],
  connected: ['degraded', 'reconnecting', 'failed', 'disconnected', 'disabled'],
  degraded: ['connected', 'reconnecting', 'failed', 'disconnected', 'disabled'],
  reconnecting: ['connected', 'degraded', 'failed', 'needs-login', 'disconnected', 'disabled'],
  failed: ['connecting', 'disconnected', 'disabled'],
  'needs-login': ['connecting', 'disconnected', 'disabled'],
  disabled: ['connecting', 'disconnected'],
};

/** True in the states that take calls. */
export function isUp(state: ServerState): boolean {
  return state === 'connected' || state === 'degraded';
}

/** One move of a server's state machine, as observers receive it. */
export interface StateChange {
  /** The server's name. */
  server: string;
  from: ServerState;
  to: ServerState;
  /** Why, in words: "connected in 12 ms", "3 consecutive health checks failed"... */
  reason: string;
  /** The error behind the move, when there was one. */
  error?: Error | undefined;
  /** When it happened, in milliseconds since the epoch. */
  at: number;
}
