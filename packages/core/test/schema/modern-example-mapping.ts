import type { ZodType } from 'zod';
import { ErrorCode } from '../../src/errors/protocol-error.js';
import * as t from '../../src/types/index.js';
import * as m from '../../src/types/modern/index.js';

/** How an example file of one folder is read: a bare type, or a whole JSON-RPC message whose payload a schema parses. */
export type ExampleMapping =
  | { kind: 'type'; schema: ZodType }
  | { kind: 'request'; method: string; params: ZodType }
  | { kind: 'notification'; method: string; params: ZodType }
  | { kind: 'result'; result: ZodType }
  | { kind: 'error'; code: number; data: ZodType | undefined }
  | { kind: 'error-object'; code: number };

const type = (schema: ZodType): ExampleMapping => ({ kind: 'type', schema });
const request = (method: string, params: ZodType): ExampleMapping => ({ kind: 'request', method, params });
const notification = (method: string, params: ZodType): ExampleMapping => ({ kind: 'notification', method, params });
const result = (schema: ZodType): ExampleMapping => ({ kind: 'result', result: schema });
const error = (code: number, data?: ZodType): ExampleMapping => ({ kind: 'error', code, data });
const errorObject = (code: number): ExampleMapping => ({ kind: 'error-object', code });

/** Every folder of `examples/` in the official 2026-07-28 schema directory, and how its examples are read. */
export const EXAMPLE_MAPPINGS: Readonly<Record<string, ExampleMapping>> = {
  // bare types
  AudioContent: type(t.AudioContentSchema),
  BlobResourceContents: type(t.BlobResourceContentsSchema),
  BooleanSchema: type(t.BooleanSchemaSchema),
  CallToolRequestParams: type(m.ModernCallToolRequestParamsSchema),
  CallToolResult: type(m.ModernCallToolResultSchema),
  CancelledNotificationParams: type(t.CancelledNotificationParamsSchema),
  ClientCapabilities: type(t.ClientCapabilitiesSchema),
  CompleteRequestParams: type(m.ModernCompleteRequestParamsSchema),
  CompleteResult: type(m.ModernCompleteResultSchema),
  CreateMessageRequest: type(m.ModernCreateMessageRequestSchema),
  CreateMessageRequestParams: type(m.ModernCreateMessageRequestParamsSchema),
  CreateMessageResult: type(m.ModernCreateMessageResultSchema),
  DiscoverResult: type(m.DiscoverResultSchema),
  ElicitRequest: type(m.ModernElicitRequestSchema),
  ElicitRequestFormParams: type(m.ModernElicitRequestFormParamsSchema),
  ElicitRequestURLParams: type(m.ModernElicitRequestURLParamsSchema),
  ElicitResult: type(t.ElicitResultSchema),
  EmbeddedResource: type(t.EmbeddedResourceSchema),
  GetPromptRequestParams: type(m.ModernGetPromptRequestParamsSchema),
  GetPromptResult: type(m.ModernGetPromptResultSchema),
  ImageContent: type(t.ImageContentSchema),
  InputRequests: type(m.InputRequestsSchema),
  InputRequiredResult: type(m.InputRequiredResultSchema),
  InputResponses: type(m.InputResponsesSchema),
  ListPromptsResult: type(m.ModernListPromptsResultSchema),
  ListResourceTemplatesResult: type(m.ModernListResourceTemplatesResultSchema),
  ListResourcesResult: type(m.ModernListResourcesResultSchema),
  ListRootsRequest: type(m.ModernListRootsRequestSchema),
  ListRootsResult: type(t.ListRootsResultSchema),
  ListToolsResult: type(m.ModernListToolsResultSchema),
  LoggingMessageNotificationParams: type(t.LoggingMessageNotificationParamsSchema),
  ModelPreferences: type(t.ModelPreferencesSchema),
  NumberSchema: type(t.NumberSchemaSchema),
  PaginatedRequestParams: type(m.ModernPaginatedRequestParamsSchema),
  ProgressNotificationParams: type(t.ProgressNotificationParamsSchema),
  ReadResourceResult: type(m.ModernReadResourceResultSchema),
  Resource: type(t.ResourceSchema),
  ResourceLink: type(t.ResourceLinkSchema),
  ResourceUpdatedNotificationParams: type(m.ModernResourceUpdatedNotificationParamsSchema),
  Root: type(t.RootSchema),
  SamplingMessage: type(m.ModernSamplingMessageSchema),
  ServerCapabilities: type(m.ModernServerCapabilitiesSchema),
  StringSchema: type(t.StringSchemaSchema),
  SubscriptionsListenResult: type(m.SubscriptionsListenResultSchema),
  TextContent: type(t.TextContentSchema),
  TextResourceContents: type(t.TextResourceContentsSchema),
  TitledMultiSelectEnumSchema: type(t.TitledMultiSelectEnumSchemaSchema),
  TitledSingleSelectEnumSchema: type(t.TitledSingleSelectEnumSchemaSchema),
  Tool: type(m.ModernToolSchema),
  ToolResultContent: type(m.ModernToolResultContentSchema),
  ToolUseContent: type(t.ToolUseContentSchema),
  UntitledMultiSelectEnumSchema: type(t.UntitledMultiSelectEnumSchemaSchema),
  UntitledSingleSelectEnumSchema: type(t.UntitledSingleSelectEnumSchemaSchema),
  // requests
  CallToolRequest: request('tools/call', m.ModernCallToolRequestParamsSchema),
  CompleteRequest: request('completion/complete', m.ModernCompleteRequestParamsSchema),
  DiscoverRequest: request('server/discover', m.ModernRequestParamsSchema),
  GetPromptRequest: request('prompts/get', m.ModernGetPromptRequestParamsSchema),
  ListPromptsRequest: request('prompts/list', m.ModernPaginatedRequestParamsSchema),
  ListResourceTemplatesRequest: request('resources/templates/list', m.ModernPaginatedRequestParamsSchema),
  ListResourcesRequest: request('resources/list', m.ModernPaginatedRequestParamsSchema),
  ListToolsRequest: request('tools/list', m.ModernPaginatedRequestParamsSchema),
  ReadResourceRequest: request('resources/read', m.ModernReadResourceRequestParamsSchema),
  SubscriptionsListenRequest: request('subscriptions/listen', m.SubscriptionsListenRequestParamsSchema),
  // notifications
  CancelledNotification: notification('notifications/cancelled', t.CancelledNotificationParamsSchema),
  LoggingMessageNotification: notification('notifications/message', t.LoggingMessageNotificationParamsSchema),
  ProgressNotification: notification('notifications/progress', t.ProgressNotificationParamsSchema),
  PromptListChangedNotification: notification('notifications/prompts/list_changed', m.ModernNotificationParamsSchema),
  ResourceListChangedNotification: notification('notifications/resources/list_changed', m.ModernNotificationParamsSchema),
  ResourceUpdatedNotification: notification('notifications/resources/updated', m.ModernResourceUpdatedNotificationParamsSchema),
  SubscriptionsAcknowledgedNotification: notification(
    'notifications/subscriptions/acknowledged',
    m.SubscriptionsAcknowledgedNotificationParamsSchema,
  ),
  ToolListChangedNotification: notification('notifications/tools/list_changed', m.ModernNotificationParamsSchema),
  // result responses
  CallToolResultResponse: result(m.inputRequiredOr(m.ModernCallToolResultSchema)),
  CompleteResultResponse: result(m.ModernCompleteResultSchema),
  DiscoverResultResponse: result(m.DiscoverResultSchema),
  GetPromptResultResponse: result(m.inputRequiredOr(m.ModernGetPromptResultSchema)),
  ListPromptsResultResponse: result(m.ModernListPromptsResultSchema),
  ListResourceTemplatesResultResponse: result(m.ModernListResourceTemplatesResultSchema),
  ListResourcesResultResponse: result(m.ModernListResourcesResultSchema),
  ListToolsResultResponse: result(m.ModernListToolsResultSchema),
  ReadResourceResultResponse: result(m.inputRequiredOr(m.ModernReadResourceResultSchema)),
  SubscriptionsListenResultResponse: result(m.SubscriptionsListenResultSchema),
  // error responses
  HeaderMismatchError: error(ErrorCode.HeaderMismatch),
  MissingRequiredClientCapabilityError: error(ErrorCode.MissingRequiredClientCapability, m.MissingRequiredClientCapabilityErrorDataSchema),
  UnsupportedProtocolVersionError: error(ErrorCode.UnsupportedProtocolVersion, m.UnsupportedProtocolVersionErrorDataSchema),
  // bare error objects
  InternalError: errorObject(ErrorCode.InternalError),
  InvalidParamsError: errorObject(ErrorCode.InvalidParams),
  MethodNotFoundError: errorObject(ErrorCode.MethodNotFound),
  ParseError: errorObject(ErrorCode.ParseError),
};

/** Example folders deliberately left unread, each with the reason; a folder in neither table fails the tests. */
export const UNMAPPED_EXAMPLES: Readonly<Record<string, string>> = {};
