import { isDeepStrictEqual } from 'node:util';
import type { DocumentBlockParam, ImageBlockParam, TextBlockParam, ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { CallToolResult, ContentBlock } from '@mcpx/core';
import type { ToolCallRequest } from '../approval.js';
import { outcomeText, type DescribeFailure, type ToolCallOutcome } from '../tool-call.js';
import type { SourceTool } from '../tool-source.js';

type ResultBlock = TextBlockParam | ImageBlockParam | DocumentBlockParam;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
type ImageType = (typeof IMAGE_TYPES)[number];

function isImageType(mimeType: string): mimeType is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(mimeType);
}

/** The decoded size of base64 `data`, in bytes. */
function byteLength(data: string): number {
  return Buffer.byteLength(data, 'base64');
}

/** One MCP content block as Anthropic `tool_result` content, keeping what the API can take and describing the rest in text. */
export function toAnthropicContent(block: ContentBlock): ResultBlock {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image':
      return isImageType(block.mimeType)
        ? { type: 'image', source: { type: 'base64', media_type: block.mimeType, data: block.data } }
        : {
            type: 'text',
            text: `[an image of type ${block.mimeType}, ${byteLength(block.data)} bytes, left out: Anthropic models take JPEG, PNG, GIF and WebP images only]`,
          };
    case 'audio':
      return {
        type: 'text',
        text: `[audio of type ${block.mimeType}, ${byteLength(block.data)} bytes, left out: Anthropic models do not take audio]`,
      };
    case 'resource_link': {
      const details = [block.mimeType, block.description].filter((part) => part !== undefined).join('; ');
      return { type: 'text', text: `[a link to the resource "${block.name}" at ${block.uri}${details === '' ? '' : ` (${details})`}]` };
    }
    case 'resource': {
      const { resource } = block;
      const type = resource.mimeType === undefined ? '' : ` (${resource.mimeType})`;
      if ('text' in resource && typeof resource.text === 'string')
        return { type: 'text', text: `Resource ${resource.uri}${type}:\n${resource.text}` };
      const blob = 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '';
      if (resource.mimeType === 'application/pdf')
        return { type: 'document', title: resource.uri, source: { type: 'base64', media_type: 'application/pdf', data: blob } };
      return { type: 'text', text: `[the resource ${resource.uri}${type}, ${byteLength(blob)} bytes of binary data, left out]` };
    }
  }
}

/** True when a text block of `result` already holds its `structuredContent` as JSON. */
function textCarries(result: CallToolResult, structured: Record<string, unknown>): boolean {
  return result.content.some((block) => {
    if (block.type !== 'text') return false;
    try {
      return isDeepStrictEqual(JSON.parse(block.text), structured);
    } catch {
      return false;
    }
  });
}

/**
 * An MCP `CallToolResult` as Anthropic `tool_result` content; `structuredContent` is added as JSON
 * text when no text block carries it. Empty text blocks are left out: the API refuses a request
 * holding one.
 */
export function toAnthropicResultContent(result: CallToolResult): ResultBlock[] {
  const blocks = result.content.map(toAnthropicContent).filter((block) => !(block.type === 'text' && block.text === ''));
  const structured = result.structuredContent;
  if (structured !== undefined && !textCarries(result, structured)) blocks.push({ type: 'text', text: JSON.stringify(structured) });
  return blocks;
}

/** The `tool_result` block answering one `tool_use`: the tool's result (`isError` → `is_error`), or a text saying why there is none. */
export function toAnthropicToolResult(
  call: Omit<ToolCallRequest, 'tool'> & { tool?: SourceTool | undefined },
  outcome: ToolCallOutcome,
  describeFailure?: DescribeFailure,
): ToolResultBlockParam {
  const toolUseId = call.id;
  if (outcome.kind === 'result') {
    const content = toAnthropicResultContent(outcome.result);
    return {
      type: 'tool_result',
      tool_use_id: toolUseId,
      ...(content.length === 0 ? {} : { content }),
      ...(outcome.result.isError === true ? { is_error: true } : {}),
    };
  }
  return {
    type: 'tool_result',
    tool_use_id: toolUseId,
    content: [{ type: 'text', text: outcomeText(call, outcome, describeFailure) }],
    is_error: true,
  };
}
