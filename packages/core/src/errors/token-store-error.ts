import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.TokenStoreError');

/**
 * A `TokenStore` failed: it could not be reached, a value under its keys could not be read (for
 * `@mcpx/redis`, one encrypted with another key, corrupt, or written by another program), or its
 * refresh lock could not be taken. A value that cannot be read counts as no login and is only
 * reported (see the store's options), never thrown to the caller.
 */
export class TokenStoreError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TOKEN_STORE_FAILED';
  override readonly isRetryable = true;

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(message, options);
    this.name = 'TokenStoreError';
  }

  /** True when `error` is a `TokenStoreError`. */
  static override isInstance(error: unknown): error is TokenStoreError {
    return hasBrand(error, brand);
  }
}
