/**
 * @module MCP types as zod schemas, with their inferred types: the legacy era (2024-11-05 to 2025-11-25) here, and
 * what the modern era (2026-07-28) changes in ./modern/.
 */
export {
  LEGACY_PROTOCOL_VERSIONS,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LegacyProtocolVersionSchema,
  isLegacyProtocolVersion,
} from './versions.js';
export {
  RequestIdSchema,
  ProgressTokenSchema,
  CursorSchema,
  MetaSchema,
  RequestMetaSchema,
  RoleSchema,
  AnnotationsSchema,
  IconSchema,
  BaseMetadataSchema,
  ImplementationSchema,
} from './base.js';
export { RequestParamsSchema, PaginatedRequestParamsSchema, TaskMetadataSchema } from './request-params.js';
export { ResultSchema, EmptyResultSchema, PaginatedResultSchema } from './result.js';
export { TextResourceContentsSchema, BlobResourceContentsSchema, ResourceContentsSchema } from './resource-contents.js';
export {
  ResourceSchema,
  ResourceTemplateSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ResourceRequestParamsSchema,
  ReadResourceRequestParamsSchema,
  SubscribeRequestParamsSchema,
  UnsubscribeRequestParamsSchema,
  ReadResourceResultSchema,
} from './resources.js';
export {
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ResourceLinkSchema,
  EmbeddedResourceSchema,
  ContentBlockSchema,
} from './content.js';
export { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from './capabilities.js';
export { InitializeRequestParamsSchema, InitializeResultSchema } from './initialize.js';
export {
  ToolJsonSchemaSchema,
  ToolAnnotationsSchema,
  ToolExecutionSchema,
  ToolSchema,
  ListToolsResultSchema,
  CallToolRequestParamsSchema,
  CallToolResultSchema,
} from './tools.js';
export {
  PromptArgumentSchema,
  PromptSchema,
  PromptMessageSchema,
  ListPromptsResultSchema,
  GetPromptRequestParamsSchema,
  GetPromptResultSchema,
} from './prompts.js';
export { PromptReferenceSchema, ResourceTemplateReferenceSchema, CompleteRequestParamsSchema, CompleteResultSchema } from './completion.js';
export { LoggingLevelSchema, SetLevelRequestParamsSchema } from './logging.js';
export {
  ToolUseContentSchema,
  ToolResultContentSchema,
  SamplingMessageContentBlockSchema,
  SamplingContentSchema,
  SamplingMessageSchema,
  ModelHintSchema,
  ModelPreferencesSchema,
  ToolChoiceSchema,
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
} from './sampling.js';
export {
  StringSchemaSchema,
  NumberSchemaSchema,
  BooleanSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
  EnumSchemaSchema,
  PrimitiveSchemaDefinitionSchema,
} from './elicitation-schemas.js';
export {
  ElicitRequestedSchemaSchema,
  ElicitRequestFormParamsSchema,
  ElicitRequestURLParamsSchema,
  ElicitRequestParamsSchema,
  ElicitResultSchema,
} from './elicitation.js';
export { RootSchema, ListRootsResultSchema } from './roots.js';
export {
  NotificationParamsSchema,
  ListChangedNotificationParamsSchema,
  ProgressNotificationParamsSchema,
  CancelledNotificationParamsSchema,
  LoggingMessageNotificationParamsSchema,
  ResourceUpdatedNotificationParamsSchema,
  ElicitationCompleteNotificationParamsSchema,
} from './notifications.js';

export {
  MODERN_PROTOCOL_VERSIONS,
  PROTOCOL_VERSION_KEY,
  CLIENT_INFO_KEY,
  CLIENT_CAPABILITIES_KEY,
  LOG_LEVEL_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  TRACE_KEYS,
  resultTypeOf,
  inputRequiredOr,
  ModernRequestMetaSchema,
  ResultMetaSchema,
  NotificationMetaSchema,
  ModernRequestParamsSchema,
  ModernPaginatedRequestParamsSchema,
  ResultTypeSchema,
  ModernResultSchema,
  CacheScopeSchema,
  CacheableResultSchema,
  ModernServerCapabilitiesSchema,
  DiscoverResultSchema,
  JsonSchemaObjectSchema,
  ModernToolSchema,
  ModernToolResultContentSchema,
  ModernSamplingMessageContentBlockSchema,
  ModernSamplingContentSchema,
  ModernSamplingMessageSchema,
  ModernCreateMessageRequestParamsSchema,
  ModernCreateMessageResultSchema,
  ModernElicitRequestFormParamsSchema,
  ModernElicitRequestURLParamsSchema,
  ModernElicitRequestParamsSchema,
  ModernCreateMessageRequestSchema,
  ModernElicitRequestSchema,
  ModernListRootsRequestSchema,
  InputRequestSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  InputResponseSchema,
  InputResponsesSchema,
  InputResponseRequestParamsSchema,
  ModernListToolsResultSchema,
  ModernCallToolRequestParamsSchema,
  ModernCallToolResultSchema,
  ModernListResourcesResultSchema,
  ModernListResourceTemplatesResultSchema,
  ModernReadResourceRequestParamsSchema,
  ModernReadResourceResultSchema,
  ModernListPromptsResultSchema,
  ModernGetPromptRequestParamsSchema,
  ModernGetPromptResultSchema,
  ModernCompleteRequestParamsSchema,
  ModernCompleteResultSchema,
  ModernNotificationParamsSchema,
  ModernResourceUpdatedNotificationParamsSchema,
  SubscriptionFilterSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultMetaSchema,
  SubscriptionsListenResultSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  UnsupportedProtocolVersionErrorDataSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
} from './modern/index.js';

export type { LegacyProtocolVersion } from './versions.js';
export type { RequestId, ProgressToken, Cursor, Meta, RequestMeta, Role, Annotations, Icon, BaseMetadata, Implementation } from './base.js';
export type { RequestParams, PaginatedRequestParams, TaskMetadata } from './request-params.js';
export type { Result, EmptyResult, PaginatedResult } from './result.js';
export type { TextResourceContents, BlobResourceContents, ResourceContents } from './resource-contents.js';
export type {
  Resource,
  ResourceTemplate,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ResourceRequestParams,
  ReadResourceRequestParams,
  SubscribeRequestParams,
  UnsubscribeRequestParams,
  ReadResourceResult,
} from './resources.js';
export type { TextContent, ImageContent, AudioContent, ResourceLink, EmbeddedResource, ContentBlock } from './content.js';
export type { ClientCapabilities, ServerCapabilities } from './capabilities.js';
export type { InitializeRequestParams, InitializeResult } from './initialize.js';
export type {
  ToolJsonSchema,
  ToolAnnotations,
  ToolExecution,
  Tool,
  ListToolsResult,
  CallToolRequestParams,
  CallToolResult,
} from './tools.js';
export type { PromptArgument, Prompt, PromptMessage, ListPromptsResult, GetPromptRequestParams, GetPromptResult } from './prompts.js';
export type { PromptReference, ResourceTemplateReference, CompleteRequestParams, CompleteResult } from './completion.js';
export type { LoggingLevel, SetLevelRequestParams } from './logging.js';
export type {
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
} from './sampling.js';
export type {
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
} from './elicitation-schemas.js';
export type {
  ElicitRequestedSchema,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitRequestParams,
  ElicitResult,
} from './elicitation.js';
export type { Root, ListRootsResult } from './roots.js';
export type {
  NotificationParams,
  ListChangedNotificationParams,
  ProgressNotificationParams,
  CancelledNotificationParams,
  LoggingMessageNotificationParams,
  ResourceUpdatedNotificationParams,
  ElicitationCompleteNotificationParams,
} from './notifications.js';
export type {
  ModernProtocolVersion,
  ModernRequestMeta,
  ResultMeta,
  NotificationMeta,
  ModernRequestParams,
  ModernPaginatedRequestParams,
  ResultType,
  ModernResult,
  CacheScope,
  CacheableResult,
  ModernServerCapabilities,
  DiscoverResult,
  JsonSchemaObject,
  ModernTool,
  ModernToolResultContent,
  ModernSamplingMessageContentBlock,
  ModernSamplingContent,
  ModernSamplingMessage,
  ModernCreateMessageRequestParams,
  ModernCreateMessageResult,
  ModernElicitRequestFormParams,
  ModernElicitRequestURLParams,
  ModernElicitRequestParams,
  ModernCreateMessageRequest,
  ModernElicitRequest,
  ModernListRootsRequest,
  InputRequest,
  InputRequests,
  InputRequiredResult,
  InputResponse,
  InputResponses,
  InputResponseRequestParams,
  ModernListToolsResult,
  ModernCallToolRequestParams,
  ModernCallToolResult,
  ModernListResourcesResult,
  ModernListResourceTemplatesResult,
  ModernReadResourceRequestParams,
  ModernReadResourceResult,
  ModernListPromptsResult,
  ModernGetPromptRequestParams,
  ModernGetPromptResult,
  ModernCompleteRequestParams,
  ModernCompleteResult,
  ModernNotificationParams,
  ModernResourceUpdatedNotificationParams,
  SubscriptionFilter,
  SubscriptionsListenRequestParams,
  SubscriptionsListenResultMeta,
  SubscriptionsListenResult,
  SubscriptionsAcknowledgedNotificationParams,
  UnsupportedProtocolVersionErrorData,
  MissingRequiredClientCapabilityErrorData,
} from './modern/index.js';
