import OpenAI from 'openai';
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import { openaiSamplingHandler, openaiTools, runOpenAIResponsesLoop, type OpenAILoopStop } from '@mcpx/ai/openai';
import { forwardEvents, samplingOptions, sessionTools } from './model-parts.js';
import type { ChatModel, ChatSession, ChatStop, ModelSettings } from './provider.js';

/** A content filter stops the answer as a refusal does: the provider would not give it. */
const STOPS: Readonly<Record<OpenAILoopStop, ChatStop>> = {
  stop: 'end',
  max_steps: 'max_steps',
  refusal: 'refusal',
  content_filter: 'refusal',
  length: 'max_tokens',
};

/**
 * The OpenAI Responses API as `mcpx chat`'s model: `runOpenAIResponsesLoop` over `openaiTools`,
 * the whole conversation sent with each question (no `previous_response_id`). Servers' sampling
 * requests go through Chat Completions, as `openaiSamplingHandler` asks.
 */
export function openaiModel(settings: ModelSettings): ChatModel {
  const client = new OpenAI({ apiKey: settings.apiKey, ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }) });
  return {
    samplingHandler: (approve) => openaiSamplingHandler({ client, ...samplingOptions(settings, approve) }),
    open: async (source, approval): Promise<ChatSession> => {
      const toolSet = await openaiTools(source, approval);
      let input: ResponseInputItem[] = [];
      return {
        ...sessionTools(toolSet),
        messages: () => input,
        ask: async (question, { signal, onEvent }) => {
          const result = await runOpenAIResponsesLoop({
            client,
            model: settings.model,
            input: [...input, { role: 'user', content: question }],
            tools: toolSet,
            maxSteps: settings.maxSteps,
            maxTokens: settings.maxTokens,
            system: settings.system,
            signal,
            onEvent: forwardEvents(onEvent),
          });
          input = result.input;
          // The refusal's words are the model's answer to the user, shown as its text is.
          if (result.refusal !== undefined) onEvent({ type: 'text', text: result.refusal });
          const text = result.refusal === undefined ? result.text : result.text + result.refusal;
          return { text, stop: STOPS[result.stopReason], stopReason: result.stopReason, steps: result.steps };
        },
      };
    },
  };
}
