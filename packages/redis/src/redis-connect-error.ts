import { LocalError } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.RedisConnectError');

/** Options of a `RedisConnectError`. */
export interface RedisConnectErrorOptions {
  /** The error of the last attempt, kept for diagnosis. */
  cause?: unknown;
  /**
   * Whether trying again later may succeed: false for a URL that does not parse and for a refused
   * password or user.
   * @default true
   */
  retryable?: boolean;
}

/**
 * `connectRedis()` could not reach Redis (refused, unknown host, bad URL, TLS or authentication
 * failure) within its `connectTimeoutMs`. The message names the URL with its password redacted.
 * `isRetryable` is false when retrying cannot help: a URL that does not parse, or Redis refusing
 * the password or user (`WRONGPASS`, `NOAUTH`, `NOPERM`).
 */
export class RedisConnectError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'REDIS_CONNECT_FAILED';
  override readonly isRetryable: boolean;
  /** The URL that was tried, its password replaced by `***`. */
  readonly url: string;

  constructor(url: string, reason: string, options: RedisConnectErrorOptions = {}) {
    super(
      `could not reach ${url} (${reason}); check that redis-server runs and that the URL (host, port, password, redis:// or rediss://) is right`,
      { operation: 'connecting to Redis', ...(options.cause === undefined ? {} : { cause: options.cause }) },
    );
    this.name = 'RedisConnectError';
    this.url = url;
    this.isRetryable = options.retryable ?? true;
  }

  /** True when `error` is a `RedisConnectError`, across duplicated installs. */
  static override isInstance(error: unknown): error is RedisConnectError {
    return hasBrand(error, brand);
  }
}
