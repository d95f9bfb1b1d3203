/**
 * @module @mcpx/ai/ai-sdk — the Vercel AI SDK adapter: a client's or registry's tools as a tool
 * set for `generateText` and `streamText`, their results as the AI SDK's tool outputs, and a
 * sampling handler answering servers with any AI SDK model. Its
 * types need `ai` installed; the root entry does not. Every export is public API.
 */
export { aiSdkTools } from './ai-sdk/ai-sdk-tools.js';
export { toAiSdkInputSchema } from './ai-sdk/input-schema.js';
export { toAiSdkModelOutput } from './ai-sdk/tool-output.js';
export { aiSdkSamplingHandler } from './ai-sdk/sampling-handler.js';
export { toAiSdkSamplingMessages } from './ai-sdk/sampling-request.js';

export type { AiSdkToolSet, AiSdkToolsOptions } from './ai-sdk/ai-sdk-tools.js';
export type { AiSdkToolOutput, AiSdkModelOutput } from './ai-sdk/tool-output.js';
export type { AiSdkSamplingOptions } from './ai-sdk/sampling-handler.js';
