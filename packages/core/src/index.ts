/**
 * @module @mcpx/core — the Model Context Protocol client core. Every export is public API.
 */
export { McpxError, hasBrand } from './errors/mcpx-error.js';
export { ProtocolError, ErrorCode } from './errors/protocol-error.js';
export { LocalError } from './errors/local-error.js';
export { ConnectionClosedError } from './errors/connection-closed-error.js';
export { RequestTimeoutError } from './errors/request-timeout-error.js';
export { CancelledError } from './errors/cancelled-error.js';
export { TransportError } from './errors/transport-error.js';
export { ConfigError } from './errors/config-error.js';
export { UnsupportedProtocolVersionError } from './errors/unsupported-protocol-version-error.js';
export { CapabilityError } from './errors/capability-error.js';
export { InvalidResponseError } from './errors/invalid-response-error.js';
export { checkMessage, isRequest, isNotification, isResponse } from './jsonrpc/messages.js';

export type { McpxErrorOptions } from './errors/mcpx-error.js';
export type { ErrorContext, LocalErrorOptions } from './errors/local-error.js';
export type { ConnectionClosedDetails } from './errors/connection-closed-error.js';
export type { TransportErrorOptions } from './errors/transport-error.js';
export type {
  RequestId,
  JsonRpcRequest,
  JsonRpcNotification,
  JsonRpcSuccess,
  JsonRpcErrorObject,
  JsonRpcErrorResponse,
  JsonRpcResponse,
  JsonRpcMessage,
} from './jsonrpc/messages.js';
export type { Transport, TransportSendOptions, TransportDiagnostic } from './transport.js';
