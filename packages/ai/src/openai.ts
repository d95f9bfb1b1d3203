/**
 * @module @mcpx/ai/openai — the OpenAI adapter: function tools and their outputs for Chat
 * Completions and the Responses API, a tool-use loop for each, and the sampling handler. Its
 * types need `openai` installed; the root entry does not. Every export is public API.
 */
export { openaiTools } from './openai/openai-tools.js';
export { runOpenAIChatLoop } from './openai/chat-loop.js';
export { runOpenAIResponsesLoop } from './openai/responses-loop.js';
export { openaiSamplingHandler } from './openai/sampling-handler.js';
export { toOpenAIParameters } from './openai/function-schema.js';
export { toOpenAIResultParts, TOOL_ERROR_PREFIX } from './openai/tool-output.js';
export { DEFAULT_MAX_STEPS } from './loop-control.js';

export type { OpenAIToolSet, OpenAIToolsOptions } from './openai/openai-tools.js';
export type { HandleOptions } from './tool-call.js';
export type { ChatMedia } from './openai/chat-output.js';
export type { OpenAIParameters } from './openai/function-schema.js';
export type { OpenAIResultPart } from './openai/tool-output.js';
export type { OpenAIChatLoopOptions, OpenAIChatLoopResult, OpenAIChatLoopEvent, OpenAILoopStop } from './openai/chat-loop.js';
export type { OpenAIResponsesLoopOptions, OpenAIResponsesLoopResult, OpenAIResponsesLoopEvent } from './openai/responses-loop.js';
export type { OpenAISamplingOptions } from './openai/sampling-handler.js';
export type { SamplingApproveContext, SamplingApproveFn } from './sampling-approval.js';
export type { SamplingErrorFn } from './sampling-failure.js';
