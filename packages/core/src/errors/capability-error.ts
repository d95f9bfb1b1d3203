import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.CapabilityError');

/** A call needs a capability the server did not advertise. */
export class CapabilityError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CAPABILITY_NOT_SUPPORTED';
  /** The missing capability, as a dotted path such as `resources.subscribe`. */
  readonly capability: string;

  constructor(capability: string, options: LocalErrorOptions = {}) {
    super(
      `the server did not advertise the "${capability}" capability; check the server supports it, or pass \`strictCapabilities: false\` to call anyway`,
      options,
    );
    this.name = 'CapabilityError';
    this.capability = capability;
  }

  /** True when `error` is a `CapabilityError`. */
  static override isInstance(error: unknown): error is CapabilityError {
    return hasBrand(error, brand);
  }
}
