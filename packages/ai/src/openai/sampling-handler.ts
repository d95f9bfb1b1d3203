import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import { ErrorCode, ProtocolError, type CreateMessageRequestParams, type CreateMessageResult, type SamplingHandler } from '@mcpx/core';
import { samplingFailure, type SamplingErrorFn, type SamplingModelRequest } from '../sampling-failure.js';
import { approveSampling, DEFAULT_SAMPLING_MAX_TOKENS, samplingTokenCap, type SamplingApproveFn } from '../sampling-approval.js';
import { toChatToolMessages } from './chat-output.js';
import { toOpenAIParameters } from './function-schema.js';
import { dataUrl, toOpenAIResultParts } from './tool-output.js';

type ModelPreferences = CreateMessageRequestParams['modelPreferences'];
type SamplingMessage = CreateMessageRequestParams['messages'][number];
type SamplingBlock = Exclude<SamplingMessage['content'], unknown[]>;

/** Options of `openaiSamplingHandler`. */
export interface OpenAISamplingOptions {
  /** The OpenAI SDK client. */
  client: OpenAI;
  /** The model that answers, or a function choosing it from the server's preferences. */
  model: string | ((preferences: ModelPreferences) => string);
  /** The most tokens one answer may take, whatever the server asks: what a server can spend of the user's model. @default 4096 */
  maxTokens?: number | undefined;
  /**
   * Asked before each request goes to the model, with the server's messages and the server's name
   * in `context.server`; `false` refuses it (the server gets error -1, "the user declined").
   * Given up when the server cancels the request. @default undefined: every request is answered
   */
  approve?: SamplingApproveFn | undefined;
  /**
   * Told of a request that failed on this side, with the whole error (a failed model request as
   * `ModelRequestError`, with the provider's words); the server only gets -32603 "the model
   * request failed", or -32602 for a tool schema the model does not take. @default undefined: not reported
   */
  onError?: SamplingErrorFn | undefined;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** The user content parts of text, image and audio blocks (the other media are described by `toOpenAIResultParts`). */
function userParts(blocks: readonly SamplingBlock[]): ChatCompletionContentPart[] {
  const content = blocks.flatMap((block) => (block.type === 'text' || block.type === 'image' || block.type === 'audio' ? [block] : []));
  return toOpenAIResultParts({ content }).map((part): ChatCompletionContentPart => {
    if (part.kind === 'text') return { type: 'text', text: part.text };
    if (part.kind === 'image') return { type: 'image_url', image_url: { url: dataUrl(part.mimeType, part.data) } };
    if (part.kind === 'audio') return { type: 'input_audio', input_audio: { data: part.data, format: part.format } };
    return { type: 'file', file: { filename: part.filename, file_data: dataUrl('application/pdf', part.data) } };
  });
}

/** One sampling message as Chat Completions messages: tool results become `tool` messages, tool uses `tool_calls`. */
function toChatMessages(message: SamplingMessage): ChatCompletionMessageParam[] {
  const blocks = (Array.isArray(message.content) ? message.content : [message.content]) as SamplingBlock[];
  if (message.role === 'assistant') {
    const text = blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    const calls: ChatCompletionMessageToolCall[] = blocks.flatMap((block) =>
      block.type === 'tool_use'
        ? [{ id: block.id, type: 'function' as const, function: { name: block.name, arguments: JSON.stringify(block.input) } }]
        : [],
    );
    return [
      { role: 'assistant', content: text === '' && calls.length > 0 ? null : text, ...(calls.length === 0 ? {} : { tool_calls: calls }) },
    ];
  }
  const answers = toChatToolMessages(
    blocks.flatMap((block) =>
      block.type === 'tool_result'
        ? [
            {
              call: { id: block.toolUseId, modelName: block.toolUseId, input: {} },
              outcome: {
                kind: 'result' as const,
                result: {
                  content: block.content,
                  ...(block.structuredContent === undefined ? {} : { structuredContent: block.structuredContent }),
                  ...(block.isError === undefined ? {} : { isError: block.isError }),
                },
              },
            },
          ]
        : [],
    ),
  );
  const parts = userParts(blocks);
  return parts.length === 0 ? answers : [...answers, { role: 'user', content: parts }];
}

/**
 * The Chat Completions request for a server's `sampling/createMessage`, `max_completion_tokens` at
 * most `maxTokens`. A tool name the API refuses is an error (-32602) naming the tool.
 */
export function toOpenAISamplingRequest(
  params: CreateMessageRequestParams,
  model: string,
  server = 'server',
  maxTokens = DEFAULT_SAMPLING_MAX_TOKENS,
): Omit<ChatCompletionCreateParamsBase, 'stream'> {
  const badName = params.tools?.find((tool) => !TOOL_NAME.test(tool.name));
  if (badName !== undefined) {
    throw new ProtocolError({
      code: ErrorCode.InvalidParams,
      message: `sampling tool "${badName.name}" of server "${server}" has a name OpenAI refuses: use 1 to 64 letters, digits, "_" or "-"`,
    });
  }
  const messages = params.messages.flatMap(toChatMessages);
  const mode = params.toolChoice?.mode;
  return {
    model,
    max_completion_tokens: Math.min(params.maxTokens, maxTokens),
    messages: params.systemPrompt === undefined ? messages : [{ role: 'system', content: params.systemPrompt }, ...messages],
    ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
    ...(params.stopSequences === undefined ? {} : { stop: params.stopSequences }),
    ...(params.tools === undefined
      ? {}
      : {
          tools: params.tools.map((tool) => ({
            type: 'function' as const,
            function: {
              name: tool.name,
              ...(tool.description === undefined ? {} : { description: tool.description }),
              parameters: toOpenAIParameters(tool.inputSchema, { server, tool: tool.name }).parameters,
            },
          })),
        }),
    ...(mode === undefined || params.tools === undefined ? {} : { tool_choice: mode }),
  };
}

const STOP_REASONS: Readonly<Record<string, string>> = { stop: 'endTurn', length: 'maxTokens', tool_calls: 'toolUse' };

/** The model's answer as a sampling result: its text (or refusal) and tool calls as `tool_use` blocks. */
export function toSamplingResult(completion: ChatCompletion): CreateMessageResult {
  const choice = completion.choices[0];
  const message = choice?.message;
  const text = message?.content ?? message?.refusal ?? '';
  const content: SamplingBlock[] = [
    ...(text === '' ? [] : [{ type: 'text' as const, text }]),
    ...(message?.tool_calls ?? []).flatMap((call) => {
      if (call.type !== 'function') return [];
      let input: unknown;
      try {
        input = JSON.parse(call.function.arguments === '' ? '{}' : call.function.arguments);
      } catch {
        input = {};
      }
      const object = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
      return [{ type: 'tool_use' as const, id: call.id, name: call.function.name, input: object }];
    }),
  ];
  // A tool call is the answer whatever the finish_reason: OpenAI says 'stop' when `tool_choice` names a function.
  const reason =
    message?.refusal != null
      ? 'refusal'
      : choice === undefined
        ? undefined
        : content.some((block) => block.type === 'tool_use') && choice.finish_reason !== 'length'
          ? 'toolUse'
          : (STOP_REASONS[choice.finish_reason] ?? choice.finish_reason);
  return {
    role: 'assistant',
    content: content.length === 1 ? content[0]! : content.length === 0 ? { type: 'text', text: '' } : content,
    model: completion.model,
    ...(reason === undefined ? {} : { stopReason: reason }),
  };
}

/**
 * A sampling handler (the `sampling` option of `McpClient`, or the factory's) that answers a
 * server's `sampling/createMessage` with an OpenAI model through Chat Completions: the server's
 * messages, system prompt, limits (`max_completion_tokens` capped by `maxTokens`) and (with
 * `samplingTools`) tools and `toolChoice` go to the model, streamed, and its text (or refusal,
 * with `stopReason: 'refusal'`) and tool calls come back. `approve` is asked first when given.
 * Cancelled when the server cancels the request.
 */
export function openaiSamplingHandler(options: OpenAISamplingOptions): SamplingHandler {
  const cap = samplingTokenCap(options.maxTokens, 'openaiSamplingHandler(options)');
  return async (params, context): Promise<CreateMessageResult> => {
    let sent: SamplingModelRequest | undefined;
    try {
      await approveSampling(options.approve, params, context);
      const model = typeof options.model === 'string' ? options.model : options.model(params.modelPreferences);
      const request = toOpenAISamplingRequest(params, model, context.server, cap);
      sent = { provider: 'OpenAI', model, baseURL: options.client.baseURL };
      const completion = await options.client.chat.completions.stream(request, { signal: context.signal }).finalChatCompletion();
      return toSamplingResult(completion);
    } catch (error) {
      throw samplingFailure(error, context, options.onError, sent);
    }
  };
}
