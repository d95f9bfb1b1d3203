import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.HealthCheckTimeoutError');

/** A health check got no answer within `health.timeoutMs`. */
export class HealthCheckTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'HEALTH_CHECK_TIMEOUT';
  override readonly isRetryable = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;

  constructor(server: string, timeoutMs: number, options: Omit<LocalErrorOptions, 'server'> = {}) {
    super(`the health check got no answer within ${timeoutMs} ms; the server may be hung, or raise health.timeoutMs if it is just slow`, {
      ...options,
      server,
    });
    this.name = 'HealthCheckTimeoutError';
    this.timeoutMs = timeoutMs;
  }

  /** True when `error` is a `HealthCheckTimeoutError`. */
  static override isInstance(error: unknown): error is HealthCheckTimeoutError {
    return hasBrand(error, brand);
  }
}
