/**
 * @module @mcpx/ai/ai-sdk — the Vercel AI SDK adapter: a client's or registry's tools as a tool
 * set for `generateText` and `streamText`, and their results as the AI SDK's tool outputs. Its
 * types need `ai` installed; the root entry does not. Every export is public API.
 */
export { aiSdkTools } from './ai-sdk/ai-sdk-tools.js';
export { toAiSdkInputSchema } from './ai-sdk/input-schema.js';
export { toAiSdkModelOutput } from './ai-sdk/tool-output.js';

export type { AiSdkToolSet, AiSdkToolsOptions } from './ai-sdk/ai-sdk-tools.js';
export type { AiSdkToolOutput, AiSdkModelOutput } from './ai-sdk/tool-output.js';
