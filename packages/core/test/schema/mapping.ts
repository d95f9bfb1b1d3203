import type { ZodType } from 'zod';
import * as types from '../../src/types/index.js';
import type { Revision } from './official.js';

/** One of our schemas and the official definition it must be compatible with. */
export interface Mapping {
  /** Our export's name; also the key of its row in the tables below. */
  name: string;
  schema: ZodType;
  /** Paths into the official schema (see `OfficialSchema.find`); the first one a revision has is used. */
  official: readonly string[];
  /** The first revision with this definition; it must be found in every revision from then on. */
  since?: Revision;
}

function row(name: keyof typeof types & `${string}Schema`, official: readonly string[], since?: Revision): Mapping {
  const schema = types[name];
  return since === undefined ? { name, schema, official } : { name, schema, official, since };
}

/** Every schema we export that has an official counterpart, and where to find that counterpart. */
export const MAPPINGS: readonly Mapping[] = [
  // base
  row('RequestIdSchema', ['RequestId']),
  row('ProgressTokenSchema', ['ProgressToken']),
  row('CursorSchema', ['Cursor']),
  row('RoleSchema', ['Role']),
  row('AnnotationsSchema', ['Annotations', 'Annotated.annotations']),
  row('IconSchema', ['Icon'], '2025-11-25'),
  row('BaseMetadataSchema', ['BaseMetadata'], '2025-06-18'),
  row('ImplementationSchema', ['Implementation']),
  row('RequestMetaSchema', ['RequestParams._meta', 'Request.params._meta']),
  row('RequestParamsSchema', ['RequestParams', 'Request.params']),
  row('PaginatedRequestParamsSchema', ['PaginatedRequestParams', 'PaginatedRequest.params']),
  row('TaskMetadataSchema', ['TaskMetadata'], '2025-11-25'),
  row('ResultSchema', ['Result']),
  row('EmptyResultSchema', ['EmptyResult']),
  row('PaginatedResultSchema', ['PaginatedResult']),
  // content
  row('TextResourceContentsSchema', ['TextResourceContents']),
  row('BlobResourceContentsSchema', ['BlobResourceContents']),
  row('ResourceContentsSchema', ['EmbeddedResource.resource']),
  row('TextContentSchema', ['TextContent']),
  row('ImageContentSchema', ['ImageContent']),
  row('AudioContentSchema', ['AudioContent'], '2025-03-26'),
  row('ResourceLinkSchema', ['ResourceLink'], '2025-06-18'),
  row('EmbeddedResourceSchema', ['EmbeddedResource']),
  row('ContentBlockSchema', ['ContentBlock', 'CallToolResult.content[]']),
  // lifecycle
  row('ClientCapabilitiesSchema', ['ClientCapabilities']),
  row('ServerCapabilitiesSchema', ['ServerCapabilities']),
  row('InitializeRequestParamsSchema', ['InitializeRequestParams', 'InitializeRequest.params']),
  row('InitializeResultSchema', ['InitializeResult']),
  // tools
  row('ToolJsonSchemaSchema', ['Tool.inputSchema']),
  row('ToolAnnotationsSchema', ['ToolAnnotations'], '2025-03-26'),
  row('ToolExecutionSchema', ['ToolExecution'], '2025-11-25'),
  row('ToolSchema', ['Tool']),
  row('ListToolsResultSchema', ['ListToolsResult']),
  row('CallToolRequestParamsSchema', ['CallToolRequestParams', 'CallToolRequest.params']),
  row('CallToolResultSchema', ['CallToolResult']),
  // resources
  row('ResourceSchema', ['Resource']),
  row('ResourceTemplateSchema', ['ResourceTemplate']),
  row('ListResourcesResultSchema', ['ListResourcesResult']),
  row('ListResourceTemplatesResultSchema', ['ListResourceTemplatesResult']),
  row('ResourceRequestParamsSchema', ['ResourceRequestParams'], '2025-11-25'),
  row('ReadResourceRequestParamsSchema', ['ReadResourceRequestParams', 'ReadResourceRequest.params']),
  row('SubscribeRequestParamsSchema', ['SubscribeRequestParams', 'SubscribeRequest.params']),
  row('UnsubscribeRequestParamsSchema', ['UnsubscribeRequestParams', 'UnsubscribeRequest.params']),
  row('ReadResourceResultSchema', ['ReadResourceResult']),
  // prompts
  row('PromptArgumentSchema', ['PromptArgument']),
  row('PromptSchema', ['Prompt']),
  row('PromptMessageSchema', ['PromptMessage']),
  row('ListPromptsResultSchema', ['ListPromptsResult']),
  row('GetPromptRequestParamsSchema', ['GetPromptRequestParams', 'GetPromptRequest.params']),
  row('GetPromptResultSchema', ['GetPromptResult']),
  // completion
  row('PromptReferenceSchema', ['PromptReference']),
  row('ResourceTemplateReferenceSchema', ['ResourceTemplateReference', 'ResourceReference']),
  row('CompleteRequestParamsSchema', ['CompleteRequestParams', 'CompleteRequest.params']),
  row('CompleteResultSchema', ['CompleteResult']),
  // logging
  row('LoggingLevelSchema', ['LoggingLevel']),
  row('SetLevelRequestParamsSchema', ['SetLevelRequestParams', 'SetLevelRequest.params']),
  // sampling
  row('ModelHintSchema', ['ModelHint']),
  row('ModelPreferencesSchema', ['ModelPreferences']),
  row('ToolUseContentSchema', ['ToolUseContent'], '2025-11-25'),
  row('ToolResultContentSchema', ['ToolResultContent'], '2025-11-25'),
  row('SamplingMessageContentBlockSchema', ['SamplingMessageContentBlock'], '2025-11-25'),
  row('SamplingContentSchema', ['SamplingMessage.content']),
  row('SamplingMessageSchema', ['SamplingMessage']),
  row('ToolChoiceSchema', ['ToolChoice'], '2025-11-25'),
  row('CreateMessageRequestParamsSchema', ['CreateMessageRequestParams', 'CreateMessageRequest.params']),
  row('CreateMessageResultSchema', ['CreateMessageResult']),
  // elicitation
  row('StringSchemaSchema', ['StringSchema'], '2025-06-18'),
  row('NumberSchemaSchema', ['NumberSchema'], '2025-06-18'),
  row('BooleanSchemaSchema', ['BooleanSchema'], '2025-06-18'),
  row('UntitledSingleSelectEnumSchemaSchema', ['UntitledSingleSelectEnumSchema'], '2025-11-25'),
  row('TitledSingleSelectEnumSchemaSchema', ['TitledSingleSelectEnumSchema'], '2025-11-25'),
  row('UntitledMultiSelectEnumSchemaSchema', ['UntitledMultiSelectEnumSchema'], '2025-11-25'),
  row('TitledMultiSelectEnumSchemaSchema', ['TitledMultiSelectEnumSchema'], '2025-11-25'),
  // 2025-06-18 called the enumNames variant `EnumSchema`; 2025-11-25 reuses that name for the union.
  row('LegacyTitledEnumSchemaSchema', ['LegacyTitledEnumSchema', 'EnumSchema'], '2025-06-18'),
  row('EnumSchemaSchema', ['EnumSchema'], '2025-06-18'),
  row('PrimitiveSchemaDefinitionSchema', ['PrimitiveSchemaDefinition'], '2025-06-18'),
  row('ElicitRequestedSchemaSchema', ['ElicitRequestFormParams.requestedSchema', 'ElicitRequest.params.requestedSchema'], '2025-06-18'),
  row('ElicitRequestFormParamsSchema', ['ElicitRequestFormParams', 'ElicitRequest.params'], '2025-06-18'),
  row('ElicitRequestURLParamsSchema', ['ElicitRequestURLParams'], '2025-11-25'),
  row('ElicitRequestParamsSchema', ['ElicitRequestParams', 'ElicitRequest.params'], '2025-06-18'),
  row('ElicitResultSchema', ['ElicitResult'], '2025-06-18'),
  // roots
  row('RootSchema', ['Root']),
  row('ListRootsResultSchema', ['ListRootsResult']),
  // notifications
  row('NotificationParamsSchema', ['NotificationParams', 'Notification.params']),
  row('ListChangedNotificationParamsSchema', ['ToolListChangedNotification.params']),
  row('ProgressNotificationParamsSchema', ['ProgressNotificationParams', 'ProgressNotification.params']),
  row('CancelledNotificationParamsSchema', ['CancelledNotificationParams', 'CancelledNotification.params']),
  row('LoggingMessageNotificationParamsSchema', ['LoggingMessageNotificationParams', 'LoggingMessageNotification.params']),
  row('ResourceUpdatedNotificationParamsSchema', ['ResourceUpdatedNotificationParams', 'ResourceUpdatedNotification.params']),
  row('ElicitationCompleteNotificationParamsSchema', ['ElicitationCompleteNotification.params'], '2025-11-25'),
];

/**
 * Official definitions that no row above covers, each with the reason. A definition missing from both
 * fails the coverage test, so a new type in a revision cannot go unnoticed.
 */
export const UNMAPPED: Readonly<Record<string, string>> = {
  // The JSON-RPC envelopes and method unions belong to the JSON-RPC layer; we map each request's params.
  ...reason('JSON-RPC envelope (jsonrpc/)', [
    'JSONRPCMessage',
    'JSONRPCRequest',
    'JSONRPCNotification',
    'JSONRPCResponse',
    'JSONRPCError',
    'JSONRPCErrorResponse',
    'JSONRPCResultResponse',
    'JSONRPCBatchRequest',
    'JSONRPCBatchResponse',
    'Error',
    'Request',
    'Notification',
    'PaginatedRequest',
    'ClientRequest',
    'ServerRequest',
    'ClientNotification',
    'ServerNotification',
    'ClientResult',
    'ServerResult',
  ]),
  ...reason('request envelope: its params are mapped', [
    'InitializeRequest',
    'PingRequest',
    'ListResourcesRequest',
    'ListResourceTemplatesRequest',
    'ReadResourceRequest',
    'SubscribeRequest',
    'UnsubscribeRequest',
    'ListPromptsRequest',
    'GetPromptRequest',
    'ListToolsRequest',
    'CallToolRequest',
    'SetLevelRequest',
    'CompleteRequest',
    'CreateMessageRequest',
    'ListRootsRequest',
    'ElicitRequest',
  ]),
  ...reason('notification envelope: its params are mapped', [
    'CancelledNotification',
    'InitializedNotification',
    'ProgressNotification',
    'RootsListChangedNotification',
    'ResourceListChangedNotification',
    'ResourceUpdatedNotification',
    'PromptListChangedNotification',
    'ToolListChangedNotification',
    'LoggingMessageNotification',
    'ElicitationCompleteNotification',
  ]),
  ResourceContents: 'abstract base of Text/BlobResourceContents; ResourceContentsSchema is their union',
  Annotated: '2024-11-05 mixin; its `annotations` member is mapped as AnnotationsSchema',
  Icons: '2025-11-25 mixin; every `icons` member is checked where it is used',
  URLElicitationRequiredError: 'a JSON-RPC error response (errors/, not a type here)',
  // Tasks (2025-11-25) are not modelled yet beyond the `task` request member and the `tasks` capabilities.
  ...reason('tasks (2025-11-25), not modelled yet', [
    'Task',
    'TaskStatus',
    'TaskStatusNotification',
    'TaskStatusNotificationParams',
    'TaskAugmentedRequestParams',
    'RelatedTaskMetadata',
    'CreateTaskResult',
    'GetTaskRequest',
    'GetTaskResult',
    'GetTaskPayloadRequest',
    'GetTaskPayloadResult',
    'CancelTaskRequest',
    'CancelTaskResult',
    'ListTasksRequest',
    'ListTasksResult',
  ]),
  MultiSelectEnumSchema: 'a subset of EnumSchema, whose members are all mapped',
  SingleSelectEnumSchema: 'a subset of EnumSchema, whose members are all mapped',
};

function reason(why: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, why]));
}

/**
 * Official properties we deliberately do not declare, as `<our schema>.<property path>`; every entry says why.
 * Keep this list short: each entry is a field a user cannot read through our types.
 */
export const MISSING_PROPERTY_EXCEPTIONS: Readonly<Record<string, string>> = {};

/**
 * Properties an official revision requires but we accept without, as `<our schema>.<property>`. Our schemas
 * must accept every valid message of every revision, so a field required in one revision and optional in another
 * is optional here; this lists the cases where that is not enough to explain it.
 */
export const RELAXED_REQUIRED: Readonly<Record<string, string>> = {};
