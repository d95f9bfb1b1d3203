import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.InvalidResponseError');

/** The peer answered with a message or result that breaks the protocol. */
export class InvalidResponseError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'INVALID_RESPONSE';

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(message, options);
    this.name = 'InvalidResponseError';
  }

  /** True when `error` is an `InvalidResponseError`. */
  static override isInstance(error: unknown): error is InvalidResponseError {
    return hasBrand(error, brand);
  }
}
