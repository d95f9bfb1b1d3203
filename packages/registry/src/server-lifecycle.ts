import { isUp, SERVER_STATES, TRANSITIONS, type ServerState, type StateChange } from './server-state.js';

/**
 * Where a server stands in its registry, beside its state (`ServerState`, whose moves follow
 * `TRANSITIONS`):
 *
 * - `open`: the registry runs; the server connects, reconnects and checks its health as its
 *   state says.
 * - `closing`: the registry is closing: health checks, reconnections and connection attempts
 *   have stopped, and none starts again (the state never becomes `connecting` or
 *   `reconnecting`); calls in flight may still finish, so the state may still move between
 *   `connected`, `degraded` and `disconnected`.
 * - `ended`: closed for good (registry closed, or server unregistered), in the state that tells
 *   how it ended (see `endStateOf`); the state never moves again.
 *
 * A server goes `open` → `closing` → `ended` when its registry closes, `open` → `ended` when
 * it is unregistered, and never back.
 */
export type ServerStage = 'open' | 'closing' | 'ended';

/** The states a server may not enter in each stage. */
const BARRED: Readonly<Record<ServerStage, readonly ServerState[]>> = {
  open: [],
  closing: ['connecting', 'reconnecting'],
  ended: SERVER_STATES,
};

/** The states in which no connection attempt runs or waits: a new one starts a fresh series. */
const AT_REST: readonly ServerState[] = ['disconnected', 'failed', 'needs-login'];

/** The state a server ends in: `disconnected`, or `failed`, `needs-login` or `disabled`, which tell how it ended. */
export function endStateOf(state: ServerState): ServerState {
  return state === 'failed' || state === 'needs-login' || state === 'disabled' ? state : 'disconnected';
}

/**
 * One server's lifecycle, the single source of truth for it: its state, which observers see
 * through `report`, and its stage. Every move is checked against `TRANSITIONS` and the stage;
 * a forbidden one throws, as it is a bug in the registry.
 */
export class ServerLifecycle {
  private current: ServerState;
  private currentStage: ServerStage = 'open';

  constructor(
    private readonly server: string,
    enabled: boolean,
    private readonly report: (change: StateChange) => void,
    private readonly now: () => number,
  ) {
    this.current = enabled ? 'disconnected' : 'disabled';
  }

  get state(): ServerState {
    return this.current;
  }

  get stage(): ServerStage {
    return this.currentStage;
  }

  /** False while `disabled`. */
  get enabled(): boolean {
    return this.current !== 'disabled';
  }

  /** True when the server may connect: `open` and not `disabled`. */
  get mayConnect(): boolean {
    return this.currentStage === 'open' && this.current !== 'disabled';
  }

  /** True when no connection attempt runs or waits: `disconnected`, `failed` or `needs-login`. */
  get atRest(): boolean {
    return AT_REST.includes(this.current);
  }

  /** Moves to `to` and reports it; staying put reports nothing. Throws on a move the table or the stage forbids. */
  moveTo(to: ServerState, reason: string, error?: Error): void {
    if (to !== this.current && BARRED[this.currentStage].includes(to)) {
      throw new Error(
        `@mcpx/registry bug: server "${this.server}" cannot move from ${this.current} to ${to} once ${this.currentStage} (${reason})`,
      );
    }
    this.apply(to, reason, error);
  }

  /** Moves an up server to `degraded`, or back to `connected`; a no-op unless it is up. */
  settleUp(degraded: boolean, reason: string, error?: Error): void {
    if (!isUp(this.current)) return;
    if (degraded) this.moveTo('degraded', reason, error);
    else this.moveTo('connected', reason);
  }

  /** Enters `closing`: the registry is closing. A no-op once closing or ended. */
  startClosing(): void {
    if (this.currentStage === 'open') this.currentStage = 'closing';
  }

  /** Enters `ended` and moves to the end state (`endStateOf`), reported as any move. Throws when already ended. */
  end(reason: string): void {
    if (this.currentStage === 'ended') throw new Error(`@mcpx/registry bug: server "${this.server}" ended twice (${reason})`);
    this.currentStage = 'ended';
    this.apply(endStateOf(this.current), reason);
  }

  private apply(to: ServerState, reason: string, error?: Error): void {
    const from = this.current;
    if (from === to) return;
    if (!TRANSITIONS[from].includes(to))
      throw new Error(`@mcpx/registry bug: server "${this.server}" cannot move from ${from} to ${to} (${reason})`);
    this.current = to;
    this.report({ server: this.server, from, to, reason, error, at: this.now() });
  }
}
