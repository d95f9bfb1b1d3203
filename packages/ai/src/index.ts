/**
 * @module @mcpx/ai — what the model adapters share, needing no model SDK: a client's or registry's
 * tools, selection and approval, provider naming, tool call events and errors. The Anthropic
 * adapter, loop and sampling handler are in `@mcpx/ai/anthropic`; the Vercel AI SDK adapter is in
 * `@mcpx/ai/ai-sdk`. Every export is public API.
 */
export { listSourceTools } from './tool-source.js';
export { describeToolFailure, redactUrls } from './failure-text.js';
export { selectTools, isReadOnly, isDestructive } from './selection.js';
export { assignModelNames, sanitizeName } from './model-names.js';
export { AI_SDK_NAME_RULES, ANTHROPIC_NAME_RULES, OPENAI_NAME_RULES } from './provider-rules.js';
export { UnsupportedSchemaError } from './errors/unsupported-schema-error.js';
export { ModelRequestError } from './errors/model-request-error.js';
export { ToolMovedError } from './errors/tool-moved-error.js';

export type { ToolSource, ClientToolSource, RegistryToolSource, SourceTool, SourceTools, SourceOptions } from './tool-source.js';
export type { ToolSelection, NamePattern } from './selection.js';
export type { ApproveFn, ApproveContext, ApprovalOptions, ApprovalPolicy, ToolCallRequest } from './approval.js';
export type { ToolCallOutcome, ToolCallEvent, DescribeFailure, UnsentToolCall, HandleOptions } from './tool-call.js';
export type { ProviderNameRules } from './provider-rules.js';
