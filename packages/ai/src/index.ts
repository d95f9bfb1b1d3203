/** @module @mcpx/ai — an MCP client's or registry's tools for model SDKs (Anthropic today), selection and approval, and a tool-use loop. Every export is public API. */
export { anthropicTools } from './anthropic/anthropic-tools.js';
export { runAnthropicLoop, DEFAULT_MAX_STEPS } from './anthropic/run-loop.js';
export { anthropicSamplingHandler } from './anthropic/sampling-handler.js';
export { toAnthropicInputSchema } from './anthropic/input-schema.js';
export { toAnthropicResultContent } from './anthropic/tool-result.js';
export { listSourceTools } from './tool-source.js';
export { describeToolFailure, redactUrls } from './failure-text.js';
export { selectTools, isReadOnly, isDestructive } from './selection.js';
export { assignModelNames, sanitizeName } from './model-names.js';
export { ANTHROPIC_NAME_RULES, OPENAI_NAME_RULES } from './provider-rules.js';
export { UnsupportedSchemaError } from './errors/unsupported-schema-error.js';
export { ModelRequestError } from './errors/model-request-error.js';
export { ToolMovedError } from './errors/tool-moved-error.js';

export type { AnthropicToolSet, AnthropicToolsOptions, HandleOptions } from './anthropic/anthropic-tools.js';
export type { AnthropicLoopOptions, AnthropicLoopResult, AnthropicLoopEvent, AnthropicLoopStop } from './anthropic/run-loop.js';
export type { AnthropicSamplingOptions, SamplingApproveContext } from './anthropic/sampling-handler.js';
export type { ToolSource, ClientToolSource, RegistryToolSource, SourceTool, SourceTools, SourceOptions } from './tool-source.js';
export type { ToolSelection, NamePattern } from './selection.js';
export type { ApproveFn, ApproveContext, ApprovalOptions, ApprovalPolicy, ToolCallRequest } from './approval.js';
export type { ToolCallOutcome, ToolCallEvent, DescribeFailure, UnsentToolCall } from './tool-call.js';
export type { ProviderNameRules } from './provider-rules.js';
