import * as types from '../../src/types/index.js';
import * as modern from '../../src/types/modern/index.js';
import type { Mapping } from './mapping.js';

const all = { ...types, ...modern };

function row(name: keyof typeof all & `${string}Schema`, official: readonly string[]): Mapping {
  return { name, schema: all[name], official };
}

/**
 * Every schema that reads a 2026-07-28 message, legacy ones that did not change included, and where its official
 * counterpart is. The first path of a row that the revision has is used.
 */
export const MODERN_MAPPINGS: readonly Mapping[] = [
  // base
  row('RequestIdSchema', ['RequestId']),
  row('ProgressTokenSchema', ['ProgressToken']),
  row('CursorSchema', ['Cursor']),
  row('RoleSchema', ['Role']),
  row('AnnotationsSchema', ['Annotations']),
  row('IconSchema', ['Icon']),
  row('BaseMetadataSchema', ['BaseMetadata']),
  row('ImplementationSchema', ['Implementation']),
  row('MetaSchema', ['MetaObject']),
  row('ModernRequestMetaSchema', ['RequestMetaObject']),
  row('ResultMetaSchema', ['ResultMetaObject']),
  row('NotificationMetaSchema', ['NotificationMetaObject']),
  row('ModernRequestParamsSchema', ['RequestParams']),
  row('ModernPaginatedRequestParamsSchema', ['PaginatedRequestParams']),
  row('ResultTypeSchema', ['ResultType']),
  row('ModernResultSchema', ['Result']),
  row('CacheScopeSchema', ['CacheableResult.cacheScope']),
  row('CacheableResultSchema', ['CacheableResult']),
  // content
  row('TextResourceContentsSchema', ['TextResourceContents']),
  row('BlobResourceContentsSchema', ['BlobResourceContents']),
  row('ResourceContentsSchema', ['EmbeddedResource.resource']),
  row('TextContentSchema', ['TextContent']),
  row('ImageContentSchema', ['ImageContent']),
  row('AudioContentSchema', ['AudioContent']),
  row('ResourceLinkSchema', ['ResourceLink']),
  row('EmbeddedResourceSchema', ['EmbeddedResource']),
  row('ContentBlockSchema', ['ContentBlock']),
  // discovery
  row('ClientCapabilitiesSchema', ['ClientCapabilities']),
  row('ModernServerCapabilitiesSchema', ['ServerCapabilities']),
  row('DiscoverResultSchema', ['DiscoverResult']),
  // tools
  row('ToolJsonSchemaSchema', ['Tool.inputSchema']),
  row('JsonSchemaObjectSchema', ['Tool.outputSchema']),
  row('ToolAnnotationsSchema', ['ToolAnnotations']),
  row('ModernToolSchema', ['Tool']),
  row('ModernListToolsResultSchema', ['ListToolsResult']),
  row('ModernCallToolRequestParamsSchema', ['CallToolRequestParams']),
  row('ModernCallToolResultSchema', ['CallToolResult']),
  // resources
  row('ResourceSchema', ['Resource']),
  row('ResourceTemplateSchema', ['ResourceTemplate']),
  row('ModernListResourcesResultSchema', ['ListResourcesResult']),
  row('ModernListResourceTemplatesResultSchema', ['ListResourceTemplatesResult']),
  row('ModernReadResourceRequestParamsSchema', ['ReadResourceRequestParams']),
  row('ModernReadResourceResultSchema', ['ReadResourceResult']),
  // prompts
  row('PromptArgumentSchema', ['PromptArgument']),
  row('PromptSchema', ['Prompt']),
  row('PromptMessageSchema', ['PromptMessage']),
  row('ModernListPromptsResultSchema', ['ListPromptsResult']),
  row('ModernGetPromptRequestParamsSchema', ['GetPromptRequestParams']),
  row('ModernGetPromptResultSchema', ['GetPromptResult']),
  // completion
  row('PromptReferenceSchema', ['PromptReference']),
  row('ResourceTemplateReferenceSchema', ['ResourceTemplateReference']),
  row('ModernCompleteRequestParamsSchema', ['CompleteRequestParams']),
  row('ModernCompleteResultSchema', ['CompleteResult']),
  // logging
  row('LoggingLevelSchema', ['LoggingLevel']),
  // sampling
  row('ModelHintSchema', ['ModelHint']),
  row('ModelPreferencesSchema', ['ModelPreferences']),
  row('ToolUseContentSchema', ['ToolUseContent']),
  row('ModernToolResultContentSchema', ['ToolResultContent']),
  row('ModernSamplingMessageContentBlockSchema', ['SamplingMessageContentBlock']),
  row('ModernSamplingContentSchema', ['SamplingMessage.content']),
  row('ModernSamplingMessageSchema', ['SamplingMessage']),
  row('ToolChoiceSchema', ['ToolChoice']),
  row('ModernCreateMessageRequestParamsSchema', ['CreateMessageRequestParams']),
  row('ModernCreateMessageResultSchema', ['CreateMessageResult']),
  // elicitation
  row('StringSchemaSchema', ['StringSchema']),
  row('NumberSchemaSchema', ['NumberSchema']),
  row('BooleanSchemaSchema', ['BooleanSchema']),
  row('UntitledSingleSelectEnumSchemaSchema', ['UntitledSingleSelectEnumSchema']),
  row('TitledSingleSelectEnumSchemaSchema', ['TitledSingleSelectEnumSchema']),
  row('UntitledMultiSelectEnumSchemaSchema', ['UntitledMultiSelectEnumSchema']),
  row('TitledMultiSelectEnumSchemaSchema', ['TitledMultiSelectEnumSchema']),
  row('LegacyTitledEnumSchemaSchema', ['LegacyTitledEnumSchema']),
  row('EnumSchemaSchema', ['EnumSchema']),
  row('PrimitiveSchemaDefinitionSchema', ['PrimitiveSchemaDefinition']),
  row('ElicitRequestedSchemaSchema', ['ElicitRequestFormParams.requestedSchema']),
  row('ModernElicitRequestFormParamsSchema', ['ElicitRequestFormParams']),
  row('ModernElicitRequestURLParamsSchema', ['ElicitRequestURLParams']),
  row('ModernElicitRequestParamsSchema', ['ElicitRequestParams']),
  row('ElicitResultSchema', ['ElicitResult']),
  // roots
  row('RootSchema', ['Root']),
  row('ListRootsResultSchema', ['ListRootsResult']),
  // multi round-trip requests
  row('ModernCreateMessageRequestSchema', ['CreateMessageRequest']),
  row('ModernElicitRequestSchema', ['ElicitRequest']),
  row('ModernListRootsRequestSchema', ['ListRootsRequest']),
  row('InputRequestSchema', ['InputRequest']),
  row('InputRequestsSchema', ['InputRequests']),
  row('InputRequiredResultSchema', ['InputRequiredResult']),
  row('InputResponseSchema', ['InputResponse']),
  row('InputResponsesSchema', ['InputResponses']),
  row('InputResponseRequestParamsSchema', ['InputResponseRequestParams']),
  // notifications
  row('ModernNotificationParamsSchema', ['NotificationParams']),
  row('CancelledNotificationParamsSchema', ['CancelledNotificationParams']),
  row('ProgressNotificationParamsSchema', ['ProgressNotificationParams']),
  row('LoggingMessageNotificationParamsSchema', ['LoggingMessageNotificationParams']),
  row('ModernResourceUpdatedNotificationParamsSchema', ['ResourceUpdatedNotificationParams']),
  // subscriptions
  row('SubscriptionFilterSchema', ['SubscriptionFilter']),
  row('SubscriptionsListenRequestParamsSchema', ['SubscriptionsListenRequestParams']),
  row('SubscriptionsListenResultMetaSchema', ['SubscriptionsListenResultMetaObject']),
  row('SubscriptionsListenResultSchema', ['SubscriptionsListenResult']),
  row('SubscriptionsAcknowledgedNotificationParamsSchema', ['SubscriptionsAcknowledgedNotificationParams']),
  // error data
  row('UnsupportedProtocolVersionErrorDataSchema', ['UnsupportedProtocolVersionError.error.data']),
  row('MissingRequiredClientCapabilityErrorDataSchema', ['MissingRequiredClientCapabilityError.error.data']),
];

function reason(why: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, why]));
}

/** Official 2026-07-28 definitions that no row maps whole, each with the reason. */
export const MODERN_UNMAPPED: Readonly<Record<string, string>> = {
  ...reason('JSON-RPC envelope or method union (jsonrpc/)', [
    'JSONRPCMessage',
    'JSONRPCRequest',
    'JSONRPCNotification',
    'JSONRPCResponse',
    'JSONRPCErrorResponse',
    'JSONRPCResultResponse',
    'Error',
    'Request',
    'Notification',
    'PaginatedRequest',
    'ClientRequest',
    'ClientNotification',
    'ClientResult',
    'ServerNotification',
    'ServerResult',
  ]),
  ...reason('request envelope: its params are mapped', [
    'DiscoverRequest',
    'ListResourcesRequest',
    'ListResourceTemplatesRequest',
    'ReadResourceRequest',
    'SubscriptionsListenRequest',
    'ListPromptsRequest',
    'GetPromptRequest',
    'ListToolsRequest',
    'CallToolRequest',
    'CompleteRequest',
  ]),
  ...reason('notification envelope: its params are mapped', [
    'CancelledNotification',
    'ProgressNotification',
    'ResourceListChangedNotification',
    'ResourceUpdatedNotification',
    'PromptListChangedNotification',
    'ToolListChangedNotification',
    'LoggingMessageNotification',
    'SubscriptionsAcknowledgedNotification',
  ]),
  ...reason('result response envelope: its result is mapped (with inputRequiredOr where it is a union)', [
    'CallToolResultResponse',
    'CompleteResultResponse',
    'DiscoverResultResponse',
    'GetPromptResultResponse',
    'ListPromptsResultResponse',
    'ListResourceTemplatesResultResponse',
    'ListResourcesResultResponse',
    'ListToolsResultResponse',
    'ReadResourceResultResponse',
    'SubscriptionsListenResultResponse',
  ]),
  ...reason('JSON-RPC error response (errors/): its `error.data` is mapped where it has one', [
    'UnsupportedProtocolVersionError',
    'MissingRequiredClientCapabilityError',
    'HeaderMismatchError',
  ]),
  ...reason('standard JSON-RPC error object (ErrorCode in errors/)', [
    'ParseError',
    'InvalidRequestError',
    'MethodNotFoundError',
    'InvalidParamsError',
    'InternalError',
  ]),
  ...reason('generic JSON; where the official schema uses it we accept a loose object or any value, checked per use', [
    'JSONValue',
    'JSONObject',
    'JSONArray',
  ]),
  EmptyResult: 'the same definition as Result, mapped as ModernResultSchema',
  PaginatedResult: 'abstract base of the list results, each mapped with its cursor',
  ResourceRequestParams: 'base of ReadResourceRequestParams, the only resource request left in 2026-07-28',
  ResourceContents: 'abstract base of Text/BlobResourceContents; ResourceContentsSchema is their union',
  Icons: 'mixin; every `icons` member is checked where it is used',
  MultiSelectEnumSchema: 'a subset of EnumSchema, whose members are all mapped',
  SingleSelectEnumSchema: 'a subset of EnumSchema, whose members are all mapped',
};

/**
 * Where our schema deliberately accepts less than the official one, as the compatibility problem's path
 * (`<our schema>.<property path>`); every entry says why.
 */
export const MODERN_NARROWED: Readonly<Record<string, string>> = {
  'InputRequiredResultSchema.resultType':
    'the official schema types it as any string; ours is the literal "input_required" that tells this result apart',
};

/**
 * Makes a sample of the official schema into one the narrowed schema accepts, for rows that have an entry in
 * MODERN_NARROWED or enforce a rule the official JSON Schema cannot express.
 */
export const MODERN_SAMPLE_FIXES: Readonly<Record<string, (sample: Record<string, unknown>) => Record<string, unknown>>> = {
  // The spec requires at least one of inputRequests and requestState, which the JSON Schema does not say.
  InputRequiredResultSchema: (sample) => ({ ...sample, resultType: 'input_required', requestState: sample['requestState'] ?? 'x' }),
};

const MAY_BE_ABSENT_RESULT_TYPE = 'a client must read an absent resultType (an earlier-revision server) as "complete"';
const MAY_BE_ABSENT_CACHE_HINT = 'a client must read an absent ttlMs as 0 (older servers), and the official examples omit both hints';

/** Members the official 2026-07-28 schema requires and we accept without, as `<our schema>.<member>`, with the reason. */
export const MODERN_RELAXED_REQUIRED: Readonly<Record<string, string>> = {
  ...reason(MAY_BE_ABSENT_RESULT_TYPE, [
    'ModernResultSchema.resultType',
    'CacheableResultSchema.resultType',
    'DiscoverResultSchema.resultType',
    'ModernListToolsResultSchema.resultType',
    'ModernCallToolResultSchema.resultType',
    'ModernListResourcesResultSchema.resultType',
    'ModernListResourceTemplatesResultSchema.resultType',
    'ModernReadResourceResultSchema.resultType',
    'ModernListPromptsResultSchema.resultType',
    'ModernGetPromptResultSchema.resultType',
    'ModernCompleteResultSchema.resultType',
    'SubscriptionsListenResultSchema.resultType',
  ]),
  ...reason(MAY_BE_ABSENT_CACHE_HINT, [
    'CacheableResultSchema.ttlMs',
    'CacheableResultSchema.cacheScope',
    'DiscoverResultSchema.ttlMs',
    'DiscoverResultSchema.cacheScope',
    'ModernListToolsResultSchema.ttlMs',
    'ModernListToolsResultSchema.cacheScope',
    'ModernListResourcesResultSchema.ttlMs',
    'ModernListResourcesResultSchema.cacheScope',
    'ModernListResourceTemplatesResultSchema.ttlMs',
    'ModernListResourceTemplatesResultSchema.cacheScope',
    'ModernReadResourceResultSchema.ttlMs',
    'ModernReadResourceResultSchema.cacheScope',
    'ModernListPromptsResultSchema.ttlMs',
    'ModernListPromptsResultSchema.cacheScope',
  ]),
  ...reason('the closing result is matched by its JSON-RPC id; a missing tag must not turn a graceful close into an error', [
    'SubscriptionsListenResultSchema._meta',
    'SubscriptionsListenResultMetaSchema.io.modelcontextprotocol/subscriptionId',
  ]),
  'CancelledNotificationParamsSchema.requestId': 'one schema serves both eras, and 2025-11-25 lets requestId be absent',
};
