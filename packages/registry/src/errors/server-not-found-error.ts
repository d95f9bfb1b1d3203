import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.ServerNotFoundError');

/** No server of that name is registered. */
export class ServerNotFoundError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'SERVER_NOT_FOUND';

  constructor(server: string, registered: readonly string[], options: Omit<LocalErrorOptions, 'server'> = {}) {
    const known =
      registered.length === 0
        ? 'no server is registered'
        : `the registered servers are ${registered.map((name) => `"${name}"`).join(', ')}`;
    super(`no server of this name is registered (${known}); check the name or register() it first`, { ...options, server });
    this.name = 'ServerNotFoundError';
  }

  /** True when `error` is a `ServerNotFoundError`. */
  static override isInstance(error: unknown): error is ServerNotFoundError {
    return hasBrand(error, brand);
  }
}
