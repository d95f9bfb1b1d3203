import { ErrorCode, ProtocolError, type CreateMessageRequestParams } from '@mcpx/core';
import { jsonSchema, tool, type JSONSchema7, type ModelMessage, type ToolSet } from 'ai';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { AI_SDK_NAME_RULES } from '../provider-rules.js';
import { imageLeftOut } from '../result-blocks.js';
import { toAiSdkInputSchema } from './input-schema.js';
import { AI_SDK_PROVIDERS, mediaLeftOut, toAiSdkModelOutput } from './tool-output.js';

type SamplingMessage = CreateMessageRequestParams['messages'][number];
type SamplingBlock = Exclude<SamplingMessage['content'], unknown[]>;
type UserPart = Exclude<Extract<ModelMessage, { role: 'user' }>['content'], string>[number];
type AssistantPart = Exclude<Extract<ModelMessage, { role: 'assistant' }>['content'], string>[number];

/**
 * A text, image or audio block of a server's message as an AI SDK message part: a JPEG, PNG, GIF
 * or WebP image of 5 MB at most as a file part; any other image, and audio, described in text
 * (a provider refuses the whole request for a medium it cannot take; Anthropic's throws for audio).
 */
function mediaPart(block: Extract<SamplingBlock, { type: 'text' | 'image' | 'audio' }>): Extract<UserPart, { type: 'text' | 'file' }> {
  if (block.type === 'text') return { type: 'text', text: block.text };
  if (block.type === 'audio') return { type: 'text', text: mediaLeftOut('audio', block.mimeType, block.data) };
  const leftOut = imageLeftOut(block.mimeType, block.data, 'an image', AI_SDK_PROVIDERS);
  if (leftOut !== undefined) return { type: 'text', text: leftOut };
  return { type: 'file', mediaType: block.mimeType, data: { type: 'data', data: block.data } };
}

/**
 * A server's sampling messages as AI SDK messages: text and images as parts (images the
 * providers refuse, and audio, described in text), tool uses as `tool-call` parts of the
 * assistant, and tool results (which MCP puts in a user message) as a `tool` message before the
 * rest of that user message, named by their tool use. A tool result whose tool use is missing is
 * an error (-32602).
 */
export function toAiSdkSamplingMessages(messages: CreateMessageRequestParams['messages']): ModelMessage[] {
  const toolNames = new Map<string, string>();
  const toolNameOf = (id: string): string => {
    const name = toolNames.get(id);
    if (name !== undefined) return name;
    throw new ProtocolError({
      code: ErrorCode.InvalidParams,
      message: `sampling: the tool result for "${id}" follows no tool use of that id; answer each assistant tool_use with its tool_result`,
    });
  };
  return messages.flatMap((message): ModelMessage[] => {
    const blocks = (Array.isArray(message.content) ? message.content : [message.content]).filter(
      (block) => !(block.type === 'text' && block.text === ''),
    );
    if (message.role === 'assistant') {
      const content = blocks.flatMap((block): AssistantPart[] => {
        if (block.type === 'tool_use') {
          toolNames.set(block.id, block.name);
          return [{ type: 'tool-call', toolCallId: block.id, toolName: block.name, input: block.input }];
        }
        return block.type === 'tool_result' ? [] : [mediaPart(block)];
      });
      return [{ role: 'assistant', content }];
    }
    const results = blocks.flatMap((block) =>
      block.type === 'tool_result'
        ? [
            {
              type: 'tool-result' as const,
              toolCallId: block.toolUseId,
              toolName: toolNameOf(block.toolUseId),
              output: toAiSdkModelOutput({
                outcome: 'result',
                result: {
                  content: block.content,
                  ...(block.structuredContent === undefined ? {} : { structuredContent: block.structuredContent }),
                  ...(block.isError === undefined ? {} : { isError: block.isError }),
                },
              }),
            },
          ]
        : [],
    );
    const rest = blocks.flatMap((block) => (block.type === 'tool_result' || block.type === 'tool_use' ? [] : [mediaPart(block)]));
    return [
      ...(results.length === 0 ? [] : [{ role: 'tool' as const, content: results }]),
      ...(rest.length === 0 ? [] : [{ role: 'user' as const, content: rest }]),
    ];
  });
}

/** True when every provider takes `name` as a tool's name (`AI_SDK_NAME_RULES`). */
function validName(name: string): boolean {
  const rules = AI_SDK_NAME_RULES;
  return (
    name.length >= 1 &&
    name.length <= rules.maxLength &&
    [...name].every((character) => rules.allowed.test(character)) &&
    (rules.first === undefined || rules.first.test(name[0]!))
  );
}

/** The input schema of a tool the server offers, checked; a name or schema the providers refuse is an error (-32602) naming the tool. */
function offeredSchema(offered: NonNullable<CreateMessageRequestParams['tools']>[number], server: string): JSONSchema7 {
  if (!validName(offered.name)) {
    throw new ProtocolError({
      code: ErrorCode.InvalidParams,
      message: `sampling tool "${offered.name}" of server "${server}" has a name ${AI_SDK_PROVIDERS} refuse: use 1 to 64 letters, digits, "_" or "-", a letter or "_" first`,
    });
  }
  try {
    return toAiSdkInputSchema(offered.inputSchema, { server, tool: offered.name });
  } catch (error) {
    if (!UnsupportedSchemaError.isInstance(error)) throw error;
    throw new ProtocolError({ code: ErrorCode.InvalidParams, message: `sampling: ${error.message}` });
  }
}

/**
 * The tools a server offers with its request, without `execute`: the model's calls come back to
 * the server, which runs them. A name or schema the providers would refuse is an error (-32602)
 * naming the tool and `server`.
 */
export function toAiSdkSamplingTools(tools: NonNullable<CreateMessageRequestParams['tools']>, server = 'server'): ToolSet {
  return Object.fromEntries(
    tools.map((offered) => [
      offered.name,
      tool({
        ...(offered.description === undefined ? {} : { description: offered.description }),
        inputSchema: jsonSchema(offeredSchema(offered, server)),
      }),
    ]),
  );
}
