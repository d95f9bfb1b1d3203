import { ConfigError, ProtocolError, type CreateMessageRequestParams, type CreateMessageResult, type SamplingHandler } from '@mcpx/core';
import { generateText, type LanguageModel } from 'ai';
import { raceAbort } from '../abort.js';
import { toAiSdkSamplingMessages, toAiSdkSamplingTools } from './sampling-request.js';

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
  approve?: ((params: CreateMessageRequestParams, context: Parameters<SamplingHandler>[1]) => boolean | Promise<boolean>) | undefined;
}

/** The default `maxTokens` of `aiSdkSamplingHandler`. */
const DEFAULT_SAMPLING_MAX_TOKENS = 4096;

/** The AI SDK's finish reasons as MCP stop reasons; another is passed on as it is. */
const STOP_REASONS: Readonly<Record<string, string>> = { stop: 'endTurn', length: 'maxTokens', 'tool-calls': 'toolUse' };

/**
 * A sampling handler (the `sampling` option of `McpClient`, or the factory's) that answers a
 * server's `sampling/createMessage` with any AI SDK model, through `generateText`: the server's
 * messages (text, images, audio, tool uses and results), system prompt, temperature, stop
 * sequences, limits (`maxOutputTokens` capped by `maxTokens`) and (with `samplingTools`) its
 * tools and `toolChoice` go to the model, one step, and the model's text and tool calls come back
 * (the server runs the tools). `approve` is asked first when given. Cancelled when the server
 * cancels the request.
 *
 * @example
 * ```ts
 * const client = new McpClient({ sampling: aiSdkSamplingHandler({ model: anthropic('claude-sonnet-4-5') }) });
 * ```
 */
export function aiSdkSamplingHandler(options: AiSdkSamplingOptions): SamplingHandler {
  const cap = options.maxTokens ?? DEFAULT_SAMPLING_MAX_TOKENS;
  if (!Number.isInteger(cap) || cap < 1) {
    throw new ConfigError(`aiSdkSamplingHandler(options): maxTokens must be a whole number of tokens, 1 or more (got ${cap})`);
  }
  return async (params, context): Promise<CreateMessageResult> => {
    if (options.approve !== undefined) {
      const approved = await raceAbort(Promise.resolve(options.approve(params, context)), context.signal, 'sampling approval');
      if (!approved) throw new ProtocolError({ code: -1, message: 'the user declined the sampling request' });
    }
    const model = typeof options.model === 'function' ? options.model(params.modelPreferences) : options.model;
    const result = await generateText({
      model,
      messages: toAiSdkSamplingMessages(params.messages),
      maxOutputTokens: Math.min(params.maxTokens, cap),
      abortSignal: context.signal,
      ...(params.systemPrompt === undefined ? {} : { system: params.systemPrompt }),
      ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
      ...(params.stopSequences === undefined ? {} : { stopSequences: params.stopSequences }),
      ...(params.tools === undefined ? {} : { tools: toAiSdkSamplingTools(params.tools) }),
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
      stopReason: STOP_REASONS[result.finishReason] ?? result.finishReason,
    };
  };
}
