import { createAnthropic } from '@ai-sdk/anthropic';
import type { AnthropicModelServer } from '@mcpx/test-utils';
import type { LanguageModel } from 'ai';

/** A model of the AI SDK's real Anthropic provider, pointed at a loopback model server. */
export function aiSdkModel(model: AnthropicModelServer): LanguageModel {
  return createAnthropic({ baseURL: `${model.baseURL}/v1`, apiKey: 'test-key' })('claude-sonnet-4-5');
}
