import type {
  Base64ImageSource,
  DocumentBlockParam,
  ImageBlockParam,
  TextBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { CallToolResult, ContentBlock } from '@mcpx/core';
import type { ToolCallRequest } from '../approval.js';
import {
  binaryLeftOut,
  byteLength,
  forModel,
  imageLeftOut,
  pdfLeftOut,
  resourceLinkText,
  resourceText,
  textCarries,
} from '../result-blocks.js';
import { outcomeText, type DescribeFailure, type ToolCallOutcome } from '../tool-call.js';
import type { SourceTool } from '../tool-source.js';

type ResultBlock = TextBlockParam | ImageBlockParam | DocumentBlockParam;

/** An image block, or a text describing an image the API would refuse (its type, or its size). */
function imageBlock(mimeType: string, data: string, what: string): ResultBlock {
  const leftOut = imageLeftOut(mimeType, data, what, 'Anthropic models');
  if (leftOut !== undefined) return { type: 'text', text: leftOut };
  return { type: 'image', source: { type: 'base64', media_type: mimeType as Base64ImageSource['media_type'], data } };
}

/** An embedded blob resource: a supported image as an image, text decoded, a PDF as a document, anything else described. */
function blobBlock(uri: string, mimeType: string | undefined, blob: string): ResultBlock {
  if (mimeType?.startsWith('image/') === true) return imageBlock(mimeType, blob, `the image resource ${uri}`);
  if (mimeType?.startsWith('text/') === true)
    return { type: 'text', text: resourceText(uri, mimeType, Buffer.from(blob, 'base64').toString('utf8')) };
  if (mimeType === 'application/pdf') {
    const leftOut = pdfLeftOut(uri, blob);
    return leftOut !== undefined
      ? { type: 'text', text: leftOut }
      : { type: 'document', title: uri, source: { type: 'base64', media_type: 'application/pdf', data: blob } };
  }
  return { type: 'text', text: binaryLeftOut(uri, mimeType, blob) };
}

/** One MCP content block as Anthropic `tool_result` content, keeping what the API can take and describing the rest in text. */
export function toAnthropicContent(block: ContentBlock): ResultBlock {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image':
      return imageBlock(block.mimeType, block.data, 'an image');
    case 'audio':
      return {
        type: 'text',
        text: `[audio of type ${block.mimeType}, ${byteLength(block.data)} bytes, left out: Anthropic models do not take audio]`,
      };
    case 'resource_link':
      return { type: 'text', text: resourceLinkText(block) };
    case 'resource': {
      const { resource } = block;
      if ('text' in resource && typeof resource.text === 'string')
        return { type: 'text', text: resourceText(resource.uri, resource.mimeType, resource.text) };
      return blobBlock(resource.uri, resource.mimeType, 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '');
    }
  }
}

/**
 * An MCP `CallToolResult` as Anthropic `tool_result` content; `structuredContent` is added as JSON
 * text when no text block carries it. Empty text blocks are left out (the API refuses a request
 * holding one), and so are blocks annotated for the user only (`audience: ['user']`).
 */
export function toAnthropicResultContent(result: CallToolResult): ResultBlock[] {
  const blocks = result.content
    .filter(forModel)
    .map(toAnthropicContent)
    .filter((block) => !(block.type === 'text' && block.text === ''));
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
