import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

/** Options of a `TokenStoreError`. */
export interface TokenStoreErrorOptions extends LocalErrorOptions {
  /**
   * Whether trying again may work: true for a store that could not be reached or a lock held by
   * another, false for a value that cannot be read (a wrong key reads the same next time).
   * @default true
   */
  isRetryable?: boolean | undefined;
}

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
  override readonly isRetryable: boolean;

  constructor(message: string, options: TokenStoreErrorOptions = {}) {
    const { isRetryable = true, ...rest } = options;
    super(message, rest);
    this.isRetryable = isRetryable;
    this.name = 'TokenStoreError';
  }

  /** True when `error` is a `TokenStoreError`. */
  static override isInstance(error: unknown): error is TokenStoreError {
    return hasBrand(error, brand);
  }
}
