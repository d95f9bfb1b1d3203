/**
 * @module MCP types of the modern era (2026-07-28) as zod schemas, with their inferred types: what differs from the
 * legacy types, which the modern ones extend.
 */
export { MODERN_PROTOCOL_VERSIONS } from './versions.js';
export {
  PROTOCOL_VERSION_KEY,
  CLIENT_INFO_KEY,
  CLIENT_CAPABILITIES_KEY,
  LOG_LEVEL_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  TRACE_KEYS,
} from './meta-keys.js';
export { ModernRequestMetaSchema, ResultMetaSchema, NotificationMetaSchema } from './meta.js';
export { ModernRequestParamsSchema, ModernPaginatedRequestParamsSchema } from './request-params.js';
export { ResultTypeSchema, ModernResultSchema, resultTypeOf } from './result.js';
export { CacheScopeSchema, CacheableResultSchema } from './cacheable.js';
export { ModernServerCapabilitiesSchema } from './capabilities.js';
export { DiscoverResultSchema } from './discover.js';
export { JsonSchemaObjectSchema, ModernToolSchema } from './tool.js';
export {
  ModernToolResultContentSchema,
  ModernSamplingMessageContentBlockSchema,
  ModernSamplingContentSchema,
  ModernSamplingMessageSchema,
  ModernCreateMessageRequestParamsSchema,
  ModernCreateMessageResultSchema,
} from './sampling.js';
export { ModernElicitRequestFormParamsSchema, ModernElicitRequestURLParamsSchema, ModernElicitRequestParamsSchema } from './elicitation.js';
export {
  ModernCreateMessageRequestSchema,
  ModernElicitRequestSchema,
  ModernListRootsRequestSchema,
  InputRequestSchema,
  InputRequestsSchema,
} from './input-requests.js';
export { InputRequiredResultSchema, inputRequiredOr } from './input-required-result.js';
export { InputResponseSchema, InputResponsesSchema, InputResponseRequestParamsSchema } from './input-responses.js';
export { ModernListToolsResultSchema, ModernCallToolRequestParamsSchema, ModernCallToolResultSchema } from './tools.js';
export {
  ModernListResourcesResultSchema,
  ModernListResourceTemplatesResultSchema,
  ModernReadResourceRequestParamsSchema,
  ModernReadResourceResultSchema,
} from './resources.js';
export { ModernListPromptsResultSchema, ModernGetPromptRequestParamsSchema, ModernGetPromptResultSchema } from './prompts.js';
export { ModernCompleteRequestParamsSchema, ModernCompleteResultSchema } from './completion.js';
export { ModernNotificationParamsSchema, ModernResourceUpdatedNotificationParamsSchema } from './notifications.js';
export {
  SubscriptionFilterSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultMetaSchema,
  SubscriptionsListenResultSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
} from './subscriptions.js';
export { UnsupportedProtocolVersionErrorDataSchema, MissingRequiredClientCapabilityErrorDataSchema } from './error-data.js';

export type { ModernProtocolVersion } from './versions.js';
export type { ModernRequestMeta, ResultMeta, NotificationMeta } from './meta.js';
export type { ModernRequestParams, ModernPaginatedRequestParams } from './request-params.js';
export type { ResultType, ModernResult } from './result.js';
export type { CacheScope, CacheableResult } from './cacheable.js';
export type { ModernServerCapabilities } from './capabilities.js';
export type { DiscoverResult } from './discover.js';
export type { JsonSchemaObject, ModernTool } from './tool.js';
export type {
  ModernToolResultContent,
  ModernSamplingMessageContentBlock,
  ModernSamplingContent,
  ModernSamplingMessage,
  ModernCreateMessageRequestParams,
  ModernCreateMessageResult,
} from './sampling.js';
export type { ModernElicitRequestFormParams, ModernElicitRequestURLParams, ModernElicitRequestParams } from './elicitation.js';
export type {
  ModernCreateMessageRequest,
  ModernElicitRequest,
  ModernListRootsRequest,
  InputRequest,
  InputRequests,
} from './input-requests.js';
export type { InputRequiredResult } from './input-required-result.js';
export type { InputResponse, InputResponses, InputResponseRequestParams } from './input-responses.js';
export type { ModernListToolsResult, ModernCallToolRequestParams, ModernCallToolResult } from './tools.js';
export type {
  ModernListResourcesResult,
  ModernListResourceTemplatesResult,
  ModernReadResourceRequestParams,
  ModernReadResourceResult,
} from './resources.js';
export type { ModernListPromptsResult, ModernGetPromptRequestParams, ModernGetPromptResult } from './prompts.js';
export type { ModernCompleteRequestParams, ModernCompleteResult } from './completion.js';
export type { ModernNotificationParams, ModernResourceUpdatedNotificationParams } from './notifications.js';
export type {
  SubscriptionFilter,
  SubscriptionsListenRequestParams,
  SubscriptionsListenResultMeta,
  SubscriptionsListenResult,
  SubscriptionsAcknowledgedNotificationParams,
} from './subscriptions.js';
export type { UnsupportedProtocolVersionErrorData, MissingRequiredClientCapabilityErrorData } from './error-data.js';
