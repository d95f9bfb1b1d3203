import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.CacheStoreError');

/**
 * The response cache's store or the era cache's store failed or did not answer in time. Never
 * thrown to a caller: the client bypasses the cache (or probes the server for its era) and
 * reports it once per outage in a `warning` event.
 */
export class CacheStoreError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CACHE_STORE_FAILED';
  override readonly isRetryable = true;

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(message, options);
    this.name = 'CacheStoreError';
  }

  /** True when `error` is a `CacheStoreError`. */
  static override isInstance(error: unknown): error is CacheStoreError {
    return hasBrand(error, brand);
  }
}
