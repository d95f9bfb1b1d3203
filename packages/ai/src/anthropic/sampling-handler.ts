import type Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlock as AnthropicBlock,
  ContentBlockParam,
  MessageCreateParamsNonStreaming,
  MessageParam,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages';
import type { CreateMessageRequestParams, CreateMessageResult, SamplingHandler } from '@mcpx/core';
import { toAnthropicInputSchema } from './input-schema.js';
import { toAnthropicContent } from './tool-result.js';

type ModelPreferences = CreateMessageRequestParams['modelPreferences'];
type SamplingContent = CreateMessageRequestParams['messages'][number]['content'];
type SamplingMessageContentBlock = Exclude<SamplingContent, unknown[]>;

/** Options of `anthropicSamplingHandler`. */
export interface AnthropicSamplingOptions {
  /** The Anthropic SDK client. */
  client: Anthropic;
  /** The model that answers, or a function choosing it from the server's preferences. */
  model: string | ((preferences: ModelPreferences) => string);
}

/** One MCP sampling content block as Anthropic message content. */
function toAnthropicBlock(block: SamplingMessageContentBlock): ContentBlockParam {
  switch (block.type) {
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'tool_result':
      return {
        type: 'tool_result',
        tool_use_id: block.toolUseId,
        content: block.content.map(toAnthropicContent),
        ...(block.isError === true ? { is_error: true } : {}),
      };
    default:
      return toAnthropicContent(block);
  }
}

function toAnthropicToolChoice(mode: 'auto' | 'required' | 'none' | undefined): ToolChoice | undefined {
  if (mode === undefined) return undefined;
  return mode === 'required' ? { type: 'any' } : { type: mode };
}

/** The Messages API request for a server's `sampling/createMessage`. */
export function toAnthropicSamplingRequest(
  params: CreateMessageRequestParams,
  model: string,
  server = 'server',
): MessageCreateParamsNonStreaming {
  const messages: MessageParam[] = params.messages.map((message) => ({
    role: message.role,
    content: (Array.isArray(message.content) ? message.content : [message.content]).map(toAnthropicBlock),
  }));
  const toolChoice = toAnthropicToolChoice(params.toolChoice?.mode);
  return {
    model,
    max_tokens: params.maxTokens,
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
 * prompt, limits and (with `samplingTools`) tools go to the Messages API, and the model's text
 * and tool uses come back. Cancelled when the server cancels the request.
 */
export function anthropicSamplingHandler(options: AnthropicSamplingOptions): SamplingHandler {
  return async (params, context): Promise<CreateMessageResult> => {
    const model = typeof options.model === 'string' ? options.model : options.model(params.modelPreferences);
    const message = await options.client.messages.create(toAnthropicSamplingRequest(params, model, context.server), {
      signal: context.signal,
    });
    const content = message.content.flatMap(toSamplingBlock);
    return {
      role: 'assistant',
      content: content.length === 1 ? content[0]! : content,
      model: message.model,
      ...(message.stop_reason === null ? {} : { stopReason: STOP_REASONS[message.stop_reason] ?? message.stop_reason }),
    };
  };
}
