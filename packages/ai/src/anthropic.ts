/**
 * @module @mcpx/ai/anthropic — the Anthropic adapter: Messages API tools and `tool_result`
 * blocks, the tool-use loop and the sampling handler. Its types need `@anthropic-ai/sdk`
 * installed; the root entry does not. Every export is public API.
 */
export { anthropicTools } from './anthropic/anthropic-tools.js';
export { runAnthropicLoop } from './anthropic/run-loop.js';
export { DEFAULT_MAX_STEPS } from './loop-control.js';
export { anthropicSamplingHandler } from './anthropic/sampling-handler.js';
export { toAnthropicInputSchema } from './anthropic/input-schema.js';
export { toAnthropicResultContent } from './anthropic/tool-result.js';

export type { AnthropicToolSet, AnthropicToolsOptions } from './anthropic/anthropic-tools.js';
export type { HandleOptions } from './tool-call.js';
export type { AnthropicLoopOptions, AnthropicLoopResult, AnthropicLoopEvent, AnthropicLoopStop } from './anthropic/run-loop.js';
export type { AnthropicSamplingOptions } from './anthropic/sampling-handler.js';
export type { SamplingApproveContext, SamplingApproveFn } from './sampling-approval.js';
export type { SamplingErrorFn } from './sampling-failure.js';
