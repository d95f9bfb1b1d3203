const marker: unique symbol = Symbol.for('mcpx.error');

/** Options every mcpx error accepts. */
export interface McpxErrorOptions {
  /** The underlying error, kept for diagnosis. */
  cause?: unknown;
}

/**
 * Base class of every error mcpx throws. Identify errors with the static `isInstance`
 * methods, which work across duplicated installs where `instanceof` does not.
 */
export class McpxError extends Error {
  private readonly [marker] = true;

  constructor(message: string, options: McpxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'McpxError';
  }

  /** True when `error` is any mcpx error. */
  static isInstance(error: unknown): error is McpxError {
    return hasBrand(error, marker);
  }
}

/** True when `error` carries the brand `symbol`: the cross-install alternative to `instanceof`. */
export function hasBrand(error: unknown, symbol: symbol): boolean {
  return typeof error === 'object' && error !== null && symbol in error;
}
