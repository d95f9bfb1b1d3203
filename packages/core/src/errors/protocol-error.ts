import { hasBrand, McpxError } from './mcpx-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.ProtocolError');

/** Standard JSON-RPC and MCP error codes. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** MCP: the server needs the user to complete an URL elicitation first (2025-11-25). */
  UrlElicitationRequired: -32042,
  /** MCP 2026-07-28: header and body disagree. */
  HeaderMismatch: -32020,
  /** MCP 2026-07-28: the request lacks a client capability the server needs. */
  MissingRequiredClientCapability: -32021,
  /** MCP 2026-07-28: the server does not support the requested protocol version. */
  UnsupportedProtocolVersion: -32022,
} as const;

/**
 * An error answered by the peer: a JSON-RPC error response, with its numeric `code`,
 * `message` and optional `data`. The wire family, apart from local errors.
 */
export class ProtocolError extends McpxError {
  private readonly [brand] = true;
  /** The JSON-RPC error code the peer sent. */
  readonly code: number;
  /** The `data` member the peer sent, if any. */
  readonly data: unknown;
  /** The method of the request that failed. */
  readonly method: string | undefined;
  /** The server that answered, when known. */
  readonly server: string | undefined;
  /** The peer's message as sent, without the context this class adds. */
  readonly rawMessage: string;

  constructor(init: { code: number; message: string; data?: unknown; method?: string; server?: string }) {
    const where = [init.server && `server "${init.server}"`, init.method && `method ${init.method}`].filter(Boolean).join(', ');
    super(`${init.message} (JSON-RPC error ${init.code}${where ? ` from ${where}` : ''})`);
    this.name = 'ProtocolError';
    this.code = init.code;
    this.rawMessage = init.message;
    this.data = init.data;
    this.method = init.method;
    this.server = init.server;
  }

  /** True when `error` is a `ProtocolError`, across duplicated installs. */
  static override isInstance(error: unknown): error is ProtocolError {
    return hasBrand(error, brand);
  }
}
