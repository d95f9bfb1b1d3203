/**
 * @module @mcpx/core — the Model Context Protocol client core: `McpClient`, its options, results
 * and events, the error family, the `Transport` and `AuthProvider` contracts. Every export is
 * public API. Every MCP type, with its zod schema, is in `@mcpx/core/schemas`; test doubles are
 * in `@mcpx/core/testing`.
 */
export { McpClient, VERSION } from './client/mcp-client.js';
export { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from './modern/versions.js';
export { EraCache } from './era/era-cache.js';
export { LruCacheStore } from './modern/lru-cache-store.js';
export { exponentialBackoff } from './util/backoff.js';
export { bearerAuth, apiKeyAuth, AUTH_RETRY_LIMIT } from './auth.js';
export { logRequests } from './middleware/log-requests.js';
export { TaskHandle } from './tasks/task-handle.js';

export { McpxError } from './errors/mcpx-error.js';
export { ProtocolError, ErrorCode } from './errors/protocol-error.js';
export { HeaderMismatchError } from './errors/header-mismatch-error.js';
export { UrlElicitationRequiredError } from './errors/url-elicitation-required-error.js';
export { MissingRequiredClientCapabilityError } from './errors/missing-required-client-capability-error.js';
export { LocalError } from './errors/local-error.js';
export { ConnectionClosedError } from './errors/connection-closed-error.js';
export { RequestTimeoutError } from './errors/request-timeout-error.js';
export { ConnectTimeoutError } from './errors/connect-timeout-error.js';
export { NonJsonOutputError } from './errors/non-json-output-error.js';
export { CancelledError } from './errors/cancelled-error.js';
export { TransportError } from './errors/transport-error.js';
export { ConfigError } from './errors/config-error.js';
export { UnsupportedProtocolVersionError } from './errors/unsupported-protocol-version-error.js';
export { CapabilityError } from './errors/capability-error.js';
export { InvalidResponseError } from './errors/invalid-response-error.js';
export { AuthError } from './errors/auth-error.js';
export { LoginRequiredError } from './errors/login-required-error.js';
export { TaskCancelledError } from './errors/task-cancelled-error.js';
export { TaskTimeoutError } from './errors/task-timeout-error.js';
export { TaskExpiredError } from './errors/task-expired-error.js';
export { CacheStoreError } from './errors/cache-store-error.js';
export { TokenStoreError, type TokenStoreErrorOptions } from './errors/token-store-error.js';

export type { McpClientOptions, ConnectOptions, CallOptions, SamplingHandler, ElicitationHandler, RootsHandler } from './client/options.js';
export type { UrlElicitation, UrlElicitationContext, UrlElicitationHandler, UrlElicitationResult } from './client/url-elicitation.js';
export type { RequestOptions } from './jsonrpc/engine.js';
export type { RequestMiddleware, NextRequest, OutgoingRequest } from './middleware/request-middleware.js';
export type { RequestContext } from './middleware/request-context.js';
export type { RequestLogEntry, RequestLogCommon, LogRequestsOptions } from './middleware/log-requests.js';
export type { Progress } from './jsonrpc/pending.js';
export type { InboundRequestContext } from './jsonrpc/dispatch.js';
export type { TaskReceiverOptions } from './legacy/task-receiver/task-receiver-options.js';
export type { ClientState, ClientEventMap, ClientEvent } from './client/events.js';
export type { MetricsSnapshot, MethodMetrics, LatencyStats } from './client/metrics.js';
export type { ServerSession } from './session.js';
export type { ClientExtension, ExtensionHost, ResultTypeHandler, ResultTypeContext } from './extensions/extension.js';
export type { NotificationFilter, TaskPage } from './era/era-session.js';
export type { ClientTasks } from './client/client-tasks.js';
export type { Task, TaskStatus } from './tasks/task.js';
export type { TraceContext } from './modern/envelope.js';
export type { Era } from './era/era-cache.js';
export type { EraChoice } from './era/establish.js';
export type { SettingNames } from './errors/setting-names.js';
export type { EraStore } from './era/era-cache.js';
export type { CacheStore, CacheEntry, CacheInvalidation, MaybePromise } from './modern/cache-store.js';
export type { ResponseCacheOptions } from './modern/response-cache-options.js';
export type { BackoffPolicy, ExponentialBackoffOptions } from './util/backoff.js';
export type { AuthProvider, AuthContext, UnauthorizedContext } from './auth.js';
export type { TokenStore, StoredLogin, StoredTokens, StoredClient, StoredEndpoints, StoredJwk, ReleaseLock } from './auth-token-store.js';
export type { Transport, TransportFactory, TransportSendOptions, TransportDiagnostic } from './transport.js';
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

export type { McpxErrorOptions } from './errors/mcpx-error.js';
export type { ErrorContext, LocalErrorOptions } from './errors/local-error.js';
export type { ConnectionClosedDetails } from './errors/connection-closed-error.js';
export type { TransportErrorOptions } from './errors/transport-error.js';
export type { RequestTimeoutErrorOptions } from './errors/request-timeout-error.js';
export type { ConnectTimeoutErrorOptions } from './errors/connect-timeout-error.js';
export type { LoginRequiredErrorOptions } from './errors/login-required-error.js';
export type { TaskCancelledErrorOptions } from './errors/task-cancelled-error.js';
export type { TaskTimeoutErrorOptions } from './errors/task-timeout-error.js';
export type { TaskExpiredErrorOptions } from './errors/task-expired-error.js';

// The MCP types McpClient's methods and handlers take and return; the others are in @mcpx/core/schemas.
export type {
  Implementation,
  ClientCapabilities,
  ServerCapabilities,
  Tool,
  ListToolsResult,
  CallToolResult,
  ContentBlock,
  Resource,
  ResourceTemplate,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ReadResourceResult,
  Prompt,
  ListPromptsResult,
  GetPromptResult,
  CompleteRequestParams,
  CompleteResult,
  LoggingLevel,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  Root,
} from './types/index.js';
