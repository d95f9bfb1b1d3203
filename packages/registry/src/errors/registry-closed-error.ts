import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.RegistryClosedError');

/** The registry is shutting down or shut down: it takes no new calls, connections or servers. */
export class RegistryClosedError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'REGISTRY_CLOSED';

  constructor(options: LocalErrorOptions = {}) {
    super('the registry is closed (close() was called); create a new McpRegistry to use these servers again', options);
    this.name = 'RegistryClosedError';
  }

  /** True when `error` is a `RegistryClosedError`. */
  static override isInstance(error: unknown): error is RegistryClosedError {
    return hasBrand(error, brand);
  }
}
