import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.CircuitOpenError');

/** The server's circuit breaker is open after repeated failures: the call was refused without reaching the server. */
export class CircuitOpenError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CIRCUIT_OPEN';
  override readonly isRetryable = true;
  /** Milliseconds until the breaker lets a probe call through; 0 when a probe is already in flight. */
  readonly retryAfterMs: number;

  constructor(server: string, retryAfterMs: number, options: Omit<LocalErrorOptions, 'server'> = {}) {
    const when = retryAfterMs > 0 ? `in ${retryAfterMs} ms` : 'once the probe call in flight settles';
    super(`the circuit breaker is open after repeated failures, so calls fail fast; it lets one probe call through ${when}`, {
      ...options,
      server,
    });
    this.name = 'CircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }

  /** True when `error` is a `CircuitOpenError`. */
  static override isInstance(error: unknown): error is CircuitOpenError {
    return hasBrand(error, brand);
  }
}
