import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { anthropicSamplingHandler, anthropicTools, runAnthropicLoop } from '@mcpx/ai/anthropic';
import { forwardEvents, samplingOptions, sessionTools } from './model-parts.js';
import type { ChatModel, ChatSession, ChatStop, ModelSettings } from './provider.js';

const STOPS: Readonly<Record<string, ChatStop>> = { max_steps: 'max_steps', refusal: 'refusal', max_tokens: 'max_tokens' };

/** The Anthropic Messages API as `mcpx chat`'s model: `runAnthropicLoop` over `anthropicTools`. */
export function anthropicModel(settings: ModelSettings): ChatModel {
  const client = new Anthropic({ apiKey: settings.apiKey, ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }) });
  return {
    samplingHandler: (approve) => anthropicSamplingHandler({ client, ...samplingOptions(settings, approve) }),
    open: async (source, approval): Promise<ChatSession> => {
      const toolSet = await anthropicTools(source, approval);
      let messages: MessageParam[] = [];
      return {
        ...sessionTools(toolSet),
        messages: () => messages,
        ask: async (question, { signal, onEvent }) => {
          const result = await runAnthropicLoop({
            client,
            model: settings.model,
            messages: [...messages, { role: 'user', content: question }],
            tools: toolSet,
            maxSteps: settings.maxSteps,
            maxTokens: settings.maxTokens,
            system: settings.system,
            signal,
            onEvent: forwardEvents(onEvent),
          });
          messages = result.messages;
          return { text: result.text, stop: STOPS[result.stopReason] ?? 'end', stopReason: result.stopReason, steps: result.steps };
        },
      };
    },
  };
}
