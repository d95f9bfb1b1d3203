import type { CreateMessageRequestParams, CreateMessageResult, SamplingHandler } from '@mcpx/core';
import { generateText, type FinishReason, type LanguageModel } from 'ai';
import { approveSampling, samplingTokenCap, type SamplingApproveFn } from '../sampling-approval.js';
import { samplingFailure, type SamplingErrorFn } from '../sampling-failure.js';
import { toAiSdkSamplingMessages, toAiSdkSamplingTools } from './sampling-request.js';

type SamplingContext = Parameters<SamplingHandler>[1];
type ModelPreferences = CreateMessageRequestParams['modelPreferences'];
type SamplingBlock = Exclude<CreateMessageResult['content'], unknown[]>;

/** Options of `aiSdkSamplingHandler`. */
export interface AiSdkSamplingOptions {
  /** The AI SDK model that answers (`anthropic('claude-sonnet-4-5')`, `openai('gpt-5')`, ...), or a function choosing it from the server's preferences. */
  model: LanguageModel | ((preferences: ModelPreferences) => LanguageModel);
  /**
   * The most tokens one answer may take, whatever the server asks (the spec lets the client
   * sample fewer): what a server can spend of the user's model. @default 4096
   */
  maxTokens?: number | undefined;
  /**
   * Asked before each request goes to the model, with the server's messages and the server's
   * name in `context.server`; `false` refuses it (the server gets error -1, "the user declined").
   * Given up when the server cancels the request. @default undefined: every request is answered
   */
  approve?: SamplingApproveFn | undefined;
  /**
   * Told of a request that failed on the client, with the whole error (the AI SDK's, or what
   * `approve` threw); the server gets only -32603 "the client could not ask its model", since a
   * provider's error text may name the API key's last characters, the organisation or the base
   * URL. What it throws is ignored. @default undefined: the error is not reported
   */
  onError?: SamplingErrorFn | undefined;
}

/** The AI SDK's finish reasons as MCP stop reasons (a refusal as the OpenAI handler says it); another is passed on as it is. */
const STOP_REASONS: Readonly<Record<string, string>> = {
  stop: 'endTurn',
  length: 'maxTokens',
  'tool-calls': 'toolUse',
  'content-filter': 'refusal',
};

/**
 * The MCP stop reason of a generation: the AI SDK folds a stop sequence into `'stop'`, so the
 * provider's own reason tells it apart where the provider has one (Anthropic's `stop_sequence`).
 */
function stopReason(finishReason: FinishReason, rawFinishReason: string | undefined): string {
  if (finishReason === 'stop' && rawFinishReason === 'stop_sequence') return 'stopSequence';
  return STOP_REASONS[finishReason] ?? finishReason;
}

/**
 * A sampling handler (the `sampling` option of `McpClient`, or the factory's) that answers a
 * server's `sampling/createMessage` with any AI SDK model, through `generateText`: the server's
 * messages (text, JPEG, PNG, GIF and WebP images of 5 MB at most, tool uses and results; other
 * images and audio described in text, since not every provider takes them), system prompt,
 * temperature, stop sequences, limits (`maxOutputTokens` capped by `maxTokens`) and (with
 * `samplingTools`) its tools and `toolChoice` go to the model, one step, and the model's text and
 * tool calls come back (the server runs the tools), with the stop reason (`stopSequence` where
 * the provider tells it apart, `refusal` for the AI SDK's `content-filter`). `approve` is asked
 * first when given. Cancelled when the server cancels the request. A tool whose name or schema
 * the providers would refuse is an error (-32602) naming the tool.
 *
 * @example
 * ```ts
 * const client = new McpClient({ sampling: aiSdkSamplingHandler({ model: anthropic('claude-sonnet-4-5') }) });
 * ```
 */
export function aiSdkSamplingHandler(options: AiSdkSamplingOptions): SamplingHandler {
  const cap = samplingTokenCap(options.maxTokens, 'aiSdkSamplingHandler(options)');
  return async (params, context): Promise<CreateMessageResult> => {
    try {
      return await answer(params, context);
    } catch (error) {
      throw samplingFailure(error, context, options.onError, undefined);
    }
  };

  async function answer(params: CreateMessageRequestParams, context: SamplingContext): Promise<CreateMessageResult> {
    await approveSampling(options.approve, params, context);
    const model = typeof options.model === 'function' ? options.model(params.modelPreferences) : options.model;
    const result = await generateText({
      model,
      messages: toAiSdkSamplingMessages(params.messages),
      maxOutputTokens: Math.min(params.maxTokens, cap),
      abortSignal: context.signal,
      ...(params.systemPrompt === undefined ? {} : { system: params.systemPrompt }),
      ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
      ...(params.stopSequences === undefined ? {} : { stopSequences: params.stopSequences }),
      ...(params.tools === undefined ? {} : { tools: toAiSdkSamplingTools(params.tools, context.server) }),
      ...(params.toolChoice?.mode === undefined ? {} : { toolChoice: params.toolChoice.mode }),
    });
    const content: SamplingBlock[] = [
      ...(result.text === '' ? [] : [{ type: 'text' as const, text: result.text }]),
      ...result.toolCalls.map((call) => ({
        type: 'tool_use' as const,
        id: call.toolCallId,
        name: call.toolName,
        input: typeof call.input === 'object' && call.input !== null ? (call.input as Record<string, unknown>) : {},
      })),
    ];
    return {
      role: 'assistant',
      content: content.length === 1 ? content[0]! : content.length === 0 ? { type: 'text', text: '' } : content,
      model: result.response.modelId,
      stopReason: stopReason(result.finishReason, result.rawFinishReason),
    };
  }
}
