import type Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlock as AnthropicBlock,
  ContentBlockParam,
  Message,
  MessageCreateParamsBase,
  MessageParam,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages';
import { ErrorCode, ProtocolError, type CreateMessageRequestParams, type CreateMessageResult, type SamplingHandler } from '@mcpx/core';
import { samplingFailure, type SamplingErrorFn, type SamplingModelRequest } from '../sampling-failure.js';
import { approveSampling, DEFAULT_SAMPLING_MAX_TOKENS, samplingTokenCap, type SamplingApproveFn } from '../sampling-approval.js';
import { toAnthropicInputSchema } from './input-schema.js';
import { toAnthropicContent, toAnthropicResultContent } from './tool-result.js';

type ModelPreferences = CreateMessageRequestParams['modelPreferences'];
type SamplingContent = CreateMessageRequestParams['messages'][number]['content'];
type SamplingMessageContentBlock = Exclude<SamplingContent, unknown[]>;

/** Options of `anthropicSamplingHandler`. */
export interface AnthropicSamplingOptions {
  /** The Anthropic SDK client. */
  client: Anthropic;
  /** The model that answers, or a function choosing it from the server's preferences. */
  model: string | ((preferences: ModelPreferences) => string);
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
   * Told of a request that failed on this side, with the whole error (a failed model request as
   * `ModelRequestError`, with the provider's words); the server only gets -32603 "the model
   * request failed", or -32602 for a tool schema the model does not take. @default undefined: not reported
   */
  onError?: SamplingErrorFn | undefined;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/** One MCP sampling content block as Anthropic message content. */
function toAnthropicBlock(block: SamplingMessageContentBlock): ContentBlockParam {
  switch (block.type) {
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'tool_result': {
      const content = toAnthropicResultContent({
        content: block.content,
        ...(block.structuredContent === undefined ? {} : { structuredContent: block.structuredContent }),
      });
      return {
        type: 'tool_result',
        tool_use_id: block.toolUseId,
        ...(content.length === 0 ? {} : { content }),
        ...(block.isError === true ? { is_error: true } : {}),
      };
    }
    default:
      return toAnthropicContent(block);
  }
}

function toAnthropicToolChoice(mode: 'auto' | 'required' | 'none' | undefined): ToolChoice | undefined {
  if (mode === undefined) return undefined;
  return mode === 'required' ? { type: 'any' } : { type: mode };
}

/**
 * The Messages API request for a server's `sampling/createMessage`, `max_tokens` at most
 * `maxTokens`. A tool name the API refuses is an error (-32602) naming the tool.
 */
export function toAnthropicSamplingRequest(
  params: CreateMessageRequestParams,
  model: string,
  server = 'server',
  maxTokens = DEFAULT_SAMPLING_MAX_TOKENS,
): MessageCreateParamsBase {
  const badName = params.tools?.find((tool) => !TOOL_NAME.test(tool.name));
  if (badName !== undefined) {
    throw new ProtocolError({
      code: ErrorCode.InvalidParams,
      message: `sampling tool "${badName.name}" of server "${server}" has a name Anthropic refuses: use 1 to 128 letters, digits, "_" or "-"`,
    });
  }
  const messages: MessageParam[] = params.messages.map((message) => ({
    role: message.role,
    content: (Array.isArray(message.content) ? message.content : [message.content])
      .filter((block) => !(block.type === 'text' && block.text === ''))
      .map(toAnthropicBlock),
  }));
  const toolChoice = toAnthropicToolChoice(params.toolChoice?.mode);
  return {
    model,
    max_tokens: Math.min(params.maxTokens, maxTokens),
    messages,
    ...(params.systemPrompt === undefined ? {} : { system: params.systemPrompt }),
    ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
    ...(params.stopSequences === undefined ? {} : { stop_sequences: params.stopSequences }),
    ...(params.tools === undefined
      ? {}
      : {
          tools: params.tools.map((tool) => ({
            name: tool.name,
            ...(tool.description === undefined ? {} : { description: tool.description }),
            input_schema: toAnthropicInputSchema(tool.inputSchema, { server, tool: tool.name }),
          })),
        }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
  };
}

const STOP_REASONS: Readonly<Record<string, string>> = {
  end_turn: 'endTurn',
  max_tokens: 'maxTokens',
  stop_sequence: 'stopSequence',
  tool_use: 'toolUse',
};

function toSamplingBlock(block: AnthropicBlock): SamplingMessageContentBlock[] {
  if (block.type === 'text') return [{ type: 'text', text: block.text }];
  if (block.type === 'tool_use')
    return [{ type: 'tool_use', id: block.id, name: block.name, input: block.input as Record<string, unknown> }];
  return [];
}

/**
 * A sampling handler (the `sampling` option of `McpClient`, or the factory's) that answers a
 * server's `sampling/createMessage` with an Anthropic model: the server's messages, system
 * prompt, limits (`max_tokens` capped by `maxTokens`) and (with `samplingTools`) tools go to the
 * Messages API, streamed, and the model's text and tool uses come back. `approve` is asked
 * first when given. Cancelled when the server cancels the request.
 */
export function anthropicSamplingHandler(options: AnthropicSamplingOptions): SamplingHandler {
  const cap = samplingTokenCap(options.maxTokens, 'anthropicSamplingHandler(options)');
  return async (params, context): Promise<CreateMessageResult> => {
    let sent: SamplingModelRequest | undefined;
    try {
      await approveSampling(options.approve, params, context);
      const model = typeof options.model === 'string' ? options.model : options.model(params.modelPreferences);
      const request = toAnthropicSamplingRequest(params, model, context.server, cap);
      sent = { provider: 'Anthropic', model, baseURL: options.client.baseURL };
      // Streamed: the SDK refuses a request that is not when max_tokens is large.
      return toSamplingResult(await options.client.messages.stream(request, { signal: context.signal }).finalMessage());
    } catch (error) {
      throw samplingFailure(error, context, options.onError, sent);
    }
  };
}

/** The model's message as a sampling result: its non-empty text, tool uses and stop reason. */
function toSamplingResult(message: Message): CreateMessageResult {
  const content = message.content.flatMap(toSamplingBlock).filter((block) => !(block.type === 'text' && block.text === ''));
  return {
    role: 'assistant',
    content: content.length === 1 ? content[0]! : content.length === 0 ? { type: 'text', text: '' } : content,
    model: message.model,
    ...(message.stop_reason === null ? {} : { stopReason: STOP_REASONS[message.stop_reason] ?? message.stop_reason }),
  };
}
