import { hasBrand, McpxError, type McpxErrorOptions } from './mcpx-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.LocalError');

/** Where a local error happened: shown in its message and kept as fields. */
export interface ErrorContext {
  /** The server's name, as the caller configured it. */
  server?: string | undefined;
  /** The JSON-RPC method in flight, if any. */
  method?: string | undefined;
}

/** Options of local errors. */
export interface LocalErrorOptions extends McpxErrorOptions, ErrorContext {}

/**
 * An error raised on this side (not answered by the peer), identified by a string `code`
 * such as `'REQUEST_TIMEOUT'` or `'CONNECTION_CLOSED'`.
 */
export abstract class LocalError extends McpxError {
  private readonly [brand] = true;
  /** A stable string code for this kind of failure. */
  abstract readonly code: string;
  /** Whether retrying on a new connection may succeed. */
  readonly isRetryable: boolean = false;
  /** The server's name, when known. */
  readonly server: string | undefined;
  /** The method in flight, when known. */
  readonly method: string | undefined;

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(withContext(message, options), options);
    this.server = options.server;
    this.method = options.method;
  }

  /** True when `error` is any local mcpx error. */
  static override isInstance(error: unknown): error is LocalError {
    return hasBrand(error, brand);
  }
}

function withContext(message: string, context: ErrorContext): string {
  const where = [context.server && `server "${context.server}"`, context.method && `method ${context.method}`].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
}
