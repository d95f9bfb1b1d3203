import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.CancelledError');

/** The caller aborted a request through its `AbortSignal`. */
export class CancelledError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CANCELLED';
  /** The abort reason, as text. */
  readonly reason: string;

  constructor(reason: string, options: LocalErrorOptions = {}) {
    super(`request cancelled: ${reason}`, options);
    this.name = 'CancelledError';
    this.reason = reason;
  }

  /** True when `error` is a `CancelledError`. */
  static override isInstance(error: unknown): error is CancelledError {
    return hasBrand(error, brand);
  }
}
