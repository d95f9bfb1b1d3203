import { hasBrand } from './mcpx-error.js';
import { ProtocolError } from './protocol-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.HeaderMismatchError');

/** The server found the HTTP headers and the body disagreeing (-32020, 2026-07-28). */
export class HeaderMismatchError extends ProtocolError {
  private readonly [brand] = true;

  constructor(init: ConstructorParameters<typeof ProtocolError>[0]) {
    super(init);
    this.name = 'HeaderMismatchError';
  }

  /** True when `error` is a `HeaderMismatchError`. */
  static override isInstance(error: unknown): error is HeaderMismatchError {
    return hasBrand(error, brand);
  }
}
