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
export const SERVER_STATES: readonly ServerState[] = ['disconnected', 'connecting', 'connected', 'degraded', 'reconnecting', 'failed', 'needs-login', 'disabled'];

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

/** The state of one server, with the transition table enforced and every move reported. */
export class StateMachine {
  private current: ServerState;

  constructor(
    private readonly server: string,
    initial: ServerState,
    private readonly report: (change: StateChange) => void,
    private readonly now: () => number,
  ) {
    this.current = initial;
  }

  get state(): ServerState {
    return this.current;
  }

  /** Moves to `to` and reports it; staying put reports nothing. Throws on a move the table forbids. */
  moveTo(to: ServerState, reason: string, error?: Error): void {
    const from = this.current;
    if (from === to) return;
    if (!TRANSITIONS[from].includes(to)) throw new Error(`@mcpx/registry bug: server "${this.server}" cannot move from ${from} to ${to} (${reason})`);
    this.current = to;
    this.report({ server: this.server, from, to, reason, error, at: this.now() });
  }
}
