import { LocalError } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.StoreUnavailableError');

/**
 * The shared store of a config (its `store`) could not be reached at start, and the config does
 * not allow running without it (`"fallback": "memory"`). `url` is the store's URL with its
 * password replaced by `***`.
 */
export class StoreUnavailableError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'STORE_UNAVAILABLE';
  override readonly isRetryable = true;
  /** The store's URL, its password redacted. */
  readonly url: string;

  /**
   * @param url The store's URL, its password redacted.
   * @param options `reason`: why, in a few words; `fix`: what to do, when a fallback would not help.
   */
  constructor(url: string, options: { cause?: unknown; reason?: string; fix?: string } = {}) {
    super(
      `cannot reach the shared store at ${url}${options.reason === undefined ? '' : ` (${options.reason})`}; ` +
        (options.fix ??
          'fix: start Redis there, correct "store.redis" in the config, or write "fallback": "memory" in "store" to run with each process keeping its state to itself'),
      { cause: options.cause },
    );
    this.name = 'StoreUnavailableError';
    this.url = url;
  }

  /** True when `error` is a `StoreUnavailableError`. */
  static override isInstance(error: unknown): error is StoreUnavailableError {
    return hasBrand(error, brand);
  }
}
