import { hasBrand, LocalError, type LocalErrorOptions } from '@mcpx/core';

const brand: unique symbol = Symbol.for('mcpx.error.ConnectTimeoutError');

/** A server's `connect()` did not complete within its `connectTimeoutMs`; the attempt was aborted. */
export class ConnectTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CONNECT_TIMEOUT';
  override readonly isRetryable = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;

  constructor(server: string, timeoutMs: number, options: Omit<LocalErrorOptions, 'server'> = {}) {
    super(`did not connect within ${timeoutMs} ms; check that the server starts, or raise connectTimeoutMs if it is just slow`, { ...options, server });
    this.name = 'ConnectTimeoutError';
    this.timeoutMs = timeoutMs;
  }

  /** True when `error` is a `ConnectTimeoutError`. */
  static override isInstance(error: unknown): error is ConnectTimeoutError {
    return hasBrand(error, brand);
  }
}
