import { hasBrand, McpxError, type McpxErrorOptions } from './mcpx-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.LocalError');

/** Where a local error happened: shown in its message and kept as fields. */
export interface ErrorContext {
  /** The server's name, as the caller configured it. */
  server?: string | undefined;
  /** The JSON-RPC method in flight, if any. */
  method?: string | undefined;
  /**
   * What the caller was doing, such as `'connecting'`: the message names it instead of the
   * method, which stays in `method` for diagnosis.
   */
  operation?: string | undefined;
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
  /** What the caller was doing, when the message names that rather than the method. */
  readonly operation: string | undefined;
  /** The message without the server and method (or operation) in front. */
  readonly detail: string;

  constructor(message: string, options: LocalErrorOptions = {}) {
    super(withContext(message, options), options);
    this.server = options.server;
    this.method = options.method;
    this.operation = options.operation;
    this.detail = message;
  }

  /** True when `error` is any local mcpx error. */
  static override isInstance(error: unknown): error is LocalError {
    return hasBrand(error, brand);
  }
}

/**
 * Names `operation` in the message of `error` instead of its method (kept in `method`): how
 * `connect()` makes an error raised by one step of the handshake read as a failed connection.
 * Internal to @mcpx/core: the error has not reached anyone else yet when this is called.
 */
export function describeAsPartOf(error: LocalError, operation: string): void {
  if (error.operation !== undefined) return;
  const message = withContext(error.detail, { server: error.server, operation });
  Object.defineProperty(error, 'operation', { value: operation });
  Object.defineProperty(error, 'message', { value: message });
  if (typeof error.stack === 'string') {
    const rest = error.stack.indexOf('\n    at ');
    error.stack = `${error.name}: ${message}${rest === -1 ? '' : error.stack.slice(rest)}`;
  }
}

function withContext(message: string, context: ErrorContext): string {
  const where = [
    context.server && `server "${context.server}"`,
    context.operation ?? (context.method && `method ${context.method}`),
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
}
