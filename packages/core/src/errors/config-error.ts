import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.ConfigError');

/** Invalid options or configuration given by the caller. */
export class ConfigError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CONFIG_INVALID';

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(message, options);
    this.name = 'ConfigError';
  }

  /** True when `error` is a `ConfigError`. */
  static override isInstance(error: unknown): error is ConfigError {
    return hasBrand(error, brand);
  }
}
