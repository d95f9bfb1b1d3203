/**
 * @module @mcpx/core — the Model Context Protocol client core. Every export is public API.
 */
export { McpxError, hasBrand } from './errors/mcpx-error.js';
export { ProtocolError, ErrorCode } from './errors/protocol-error.js';
export { LocalError } from './errors/local-error.js';
export { ConnectionClosedError } from './errors/connection-closed-error.js';
export { RequestTimeoutError } from './errors/request-timeout-error.js';
export { ConnectTimeoutError } from './errors/connect-timeout-error.js';
export { NonJsonOutputError } from './errors/non-json-output-error.js';
export { DEFAULT_SETTING_NAMES } from './errors/setting-names.js';
export { CancelledError } from './errors/cancelled-error.js';
export { TransportError } from './errors/transport-error.js';
export { ConfigError } from './errors/config-error.js';
export { UnsupportedProtocolVersionError } from './errors/unsupported-protocol-version-error.js';
export { CapabilityError } from './errors/capability-error.js';
export { InvalidResponseError } from './errors/invalid-response-error.js';
export { AuthError } from './errors/auth-error.js';
export { LoginRequiredError } from './errors/login-required-error.js';
export { bearerAuth, apiKeyAuth, AUTH_RETRY_LIMIT } from './auth.js';
export { exponentialBackoff } from './util/backoff.js';
export { checkOptions } from './util/check-options.js';
export { integerOption } from './util/integer-option.js';
export { closestMatch } from './util/suggest.js';
export { TRANSPORT_OPTION_HINTS, NETWORK_TRANSPORT_OPTION_HINTS } from './util/transport-option-hints.js';
export { EventHub } from './util/event-hub.js';
export { LatencyWindow } from './client/metrics.js';
export { checkMessage, isRequest, isNotification, isResponse } from './jsonrpc/messages.js';
export { TransportCallbacks } from './transport-callbacks.js';

export type { McpxErrorOptions } from './errors/mcpx-error.js';
export type { ErrorContext, LocalErrorOptions } from './errors/local-error.js';
export type { ConnectionClosedDetails } from './errors/connection-closed-error.js';
export type { TransportErrorOptions } from './errors/transport-error.js';
export type { RequestTimeoutErrorOptions } from './errors/request-timeout-error.js';
export type { ConnectTimeoutErrorOptions } from './errors/connect-timeout-error.js';
export type { LoginRequiredErrorOptions } from './errors/login-required-error.js';
export type { SettingNames } from './errors/setting-names.js';
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
export type { Transport, TransportFactory, TransportSendOptions, TransportDiagnostic } from './transport.js';
export type { AuthProvider, AuthContext, UnauthorizedContext } from './auth.js';
export type { BackoffPolicy, ExponentialBackoffOptions } from './util/backoff.js';
export type { OptionKeys, OptionKeyTree, CheckOptionsContext } from './util/check-options.js';
export type { IntegerOptionSpec } from './util/integer-option.js';
export type { EventMap, TaggedEvent } from './util/event-hub.js';

export { McpClient, VERSION } from './client/mcp-client.js';
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_PROBE_TIMEOUT } from './connect/defaults.js';
export { DEFAULT_NON_JSON_GRACE_MS } from './connect/output-watch.js';
export { HeaderMismatchError } from './errors/header-mismatch-error.js';
export { MissingRequiredClientCapabilityError } from './errors/missing-required-client-capability-error.js';
export { protocolErrorFrom } from './errors/protocol-error-from.js';
export { EraCache, defaultEraCache } from './era/era-cache.js';
export { LruCacheStore } from './modern/cache-store.js';
export { ResponseCache, CACHEABLE_METHODS, cacheKey } from './modern/response-cache.js';
export { withEnvelope } from './modern/envelope.js';
export { MODERN_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, isModernProtocolVersion } from './modern/versions.js';
export {
  PROTOCOL_VERSION_KEY,
  CLIENT_INFO_KEY,
  CLIENT_CAPABILITIES_KEY,
  LOG_LEVEL_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  TRACE_KEYS,
} from './modern/meta-keys.js';
export { INPUT_REQUIRED_METHODS, DEFAULT_MAX_INPUT_ROUNDS } from './modern/input-required.js';
export { JsonRpcEngine, DEFAULT_REQUEST_TIMEOUT } from './jsonrpc/engine.js';
export { DEFAULT_MAX_PAGES } from './client/pagination.js';
export { MCP_CLIENT_OPTION_KEYS } from './client/options.js';
export { deriveClientCapabilities, requiredServerCapability, hasCapability } from './client/capabilities.js';
export type { McpClientOptions, ConnectOptions, CallOptions, SamplingHandler, ElicitationHandler, RootsHandler } from './client/options.js';
export type { Era } from './era/era-cache.js';
export type { EraChoice } from './era/establish.js';
export type { CacheStore, CacheEntry } from './modern/cache-store.js';
export type { TraceContext, Envelope, EnvelopeExtras } from './modern/envelope.js';
export type { NotificationFilter } from './era/era-session.js';
export type { ClientState, ClientEventMap, ClientEvent } from './client/events.js';
export type { MetricsSnapshot, MethodMetrics, LatencyStats } from './client/metrics.js';
export type { RequestOptions, EngineOptions, EngineObserver } from './jsonrpc/engine.js';
export type { Progress } from './jsonrpc/pending.js';
export type { InboundRequestContext, RequestHandler, NotificationHandler } from './jsonrpc/dispatch.js';
export type { ServerSession } from './session.js';

export { LEGACY_PROTOCOL_VERSIONS, LATEST_LEGACY_PROTOCOL_VERSION, isLegacyProtocolVersion } from './versions.js';
export type { LegacyProtocolVersion } from './versions.js';
export type {
  ProgressToken,
  Cursor,
  Meta,
  RequestMeta,
  Role,
  Annotations,
  Icon,
  BaseMetadata,
  Implementation,
  RequestParams,
  PaginatedRequestParams,
  TaskMetadata,
  Result,
  EmptyResult,
  PaginatedResult,
  TextResourceContents,
  BlobResourceContents,
  ResourceContents,
  Resource,
  ResourceTemplate,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ResourceRequestParams,
  ReadResourceRequestParams,
  SubscribeRequestParams,
  UnsubscribeRequestParams,
  ReadResourceResult,
  TextContent,
  ImageContent,
  AudioContent,
  ResourceLink,
  EmbeddedResource,
  ContentBlock,
  ClientCapabilities,
  ServerCapabilities,
  InitializeRequestParams,
  InitializeResult,
  ToolJsonSchema,
  ToolAnnotations,
  ToolExecution,
  Tool,
  ListToolsResult,
  CallToolRequestParams,
  CallToolResult,
  PromptArgument,
  Prompt,
  PromptMessage,
  ListPromptsResult,
  GetPromptRequestParams,
  GetPromptResult,
  PromptReference,
  ResourceTemplateReference,
  CompleteRequestParams,
  CompleteResult,
  LoggingLevel,
  SetLevelRequestParams,
  ToolUseContent,
  ToolResultContent,
  SamplingMessageContentBlock,
  SamplingContent,
  SamplingMessage,
  ModelHint,
  ModelPreferences,
  ToolChoice,
  CreateMessageRequestParams,
  CreateMessageResult,
  StringSchema,
  NumberSchema,
  BooleanSchema,
  UntitledSingleSelectEnumSchema,
  TitledSingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema,
  LegacyTitledEnumSchema,
  EnumSchema,
  PrimitiveSchemaDefinition,
  ElicitRequestedSchema,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitRequestParams,
  ElicitResult,
  Root,
  ListRootsResult,
  NotificationParams,
  ListChangedNotificationParams,
  ProgressNotificationParams,
  CancelledNotificationParams,
  LoggingMessageNotificationParams,
  ResourceUpdatedNotificationParams,
  ElicitationCompleteNotificationParams,
} from './types/index.js';
