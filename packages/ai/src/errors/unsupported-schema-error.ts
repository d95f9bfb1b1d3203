import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.UnsupportedSchemaError');

/** A tool's input schema cannot be given to a model provider as it stands. */
export class UnsupportedSchemaError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'UNSUPPORTED_SCHEMA';
  /** The provider that would refuse the schema. */
  readonly provider: string;
  /** The tool's name on its server. */
  readonly tool: string;

  /** `reason` says what the provider refuses in the schema. */
  constructor(provider: string, server: string, tool: string, reason: string, options: LocalErrorOptions = {}) {
    super(
      `tool "${tool}": its input schema cannot be sent to ${provider}: ${reason}; leave the tool out (the adapter's select option) or fix its schema on the server`,
      { ...options, server },
    );
    this.name = 'UnsupportedSchemaError';
    this.provider = provider;
    this.tool = tool;
  }

  /** True when `error` is an `UnsupportedSchemaError`. */
  static override isInstance(error: unknown): error is UnsupportedSchemaError {
    return hasBrand(error, brand);
  }
}
