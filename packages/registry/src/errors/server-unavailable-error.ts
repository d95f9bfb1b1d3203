import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';
import type { ServerState } from '../server-state.js';

const brand: unique symbol = Symbol.for('mcpx.error.ServerUnavailableError');

const ADVICE: Record<ServerState, string> = {
  disconnected: 'it is not connected; call connect() or connectAll() first',
  connecting: 'it is still connecting; wait for connect() to resolve',
  connected: 'it is connected',
  degraded: 'it is degraded',
  reconnecting: 'it is reconnecting after losing its connection; try again once it is back (listen for its state events)',
  failed: 'it failed and the registry gave up on it; call connect() to try again',
  'needs-login': "it needs a user to log in (OAuth); log in (`mcpx login <server>`, or the auth provider's login()), then call connect()",
  disabled: 'it is disabled; call enable() first',
};

/**
 * A call was made on a server that cannot take it now: not connected, reconnecting, failed
 * or disabled. The registry fails such calls at once and never queues or replays them.
 */
export class ServerUnavailableError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'SERVER_UNAVAILABLE';
  override readonly isRetryable: boolean;
  /** The server's state when the call was refused. */
  readonly state: ServerState;

  constructor(server: string, state: ServerState, options: Omit<LocalErrorOptions, 'server'> = {}) {
    const last = options.cause instanceof Error ? ` (last error: ${options.cause.message})` : '';
    super(`cannot take the call: ${ADVICE[state]}${last}`, { ...options, server });
    this.name = 'ServerUnavailableError';
    this.state = state;
    this.isRetryable = state === 'connecting' || state === 'reconnecting';
  }

  /** True when `error` is a `ServerUnavailableError`. */
  static override isInstance(error: unknown): error is ServerUnavailableError {
    return hasBrand(error, brand);
  }
}
