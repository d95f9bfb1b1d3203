import { hasBrand } from './mcpx-error.js';
import { ProtocolError } from './protocol-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.MissingRequiredClientCapabilityError');

/** The request needs a client capability this client did not declare (-32021, 2026-07-28). */
export class MissingRequiredClientCapabilityError extends ProtocolError {
  private readonly [brand] = true;

  constructor(init: ConstructorParameters<typeof ProtocolError>[0]) {
    super(init);
    this.name = 'MissingRequiredClientCapabilityError';
  }

  /** True when `error` is a `MissingRequiredClientCapabilityError`. */
  static override isInstance(error: unknown): error is MissingRequiredClientCapabilityError {
    return hasBrand(error, brand);
  }
}
