import type { DocumentBlockParam, ImageBlockParam, TextBlockParam, ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { CallToolResult, ContentBlock } from '@mcpx/core';
import type { ToolCallRequest } from '../approval.js';
import { byteLength, forModel, resourceLinkText, textCarries } from '../result-parts.js';
import { outcomeText, type DescribeFailure, type ToolCallOutcome } from '../tool-call.js';
import type { SourceTool } from '../tool-source.js';

type ResultBlock = TextBlockParam | ImageBlockParam | DocumentBlockParam;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
type ImageType = (typeof IMAGE_TYPES)[number];

function isImageType(mimeType: string): mimeType is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(mimeType);
}

/** The largest image the Messages API takes, in bytes. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** The largest PDF sent as a document, in bytes: base64 makes it a third larger, and a request may hold 32 MB. */
const MAX_PDF_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An image block, or a text describing an image the API would refuse (its type, or its size). */
function imageBlock(mimeType: string, data: string, what: string): ResultBlock {
  const bytes = byteLength(data);
  if (!isImageType(mimeType))
    return {
      type: 'text',
      text: `[${what} of type ${mimeType}, ${bytes} bytes, left out: Anthropic models take JPEG, PNG, GIF and WebP images only]`,
    };
  if (bytes > MAX_IMAGE_BYTES)
    return {
      type: 'text',
      text: `[${what} of type ${mimeType}, ${megabytes(bytes)}, left out: Anthropic models take images of 5 MB at most]`,
    };
  return { type: 'image', source: { type: 'base64', media_type: mimeType, data } };
}

/** An embedded blob resource: a supported image as an image, text decoded, a PDF as a document, anything else described. */
function blobBlock(uri: string, mimeType: string | undefined, blob: string): ResultBlock {
  const type = mimeType === undefined ? '' : ` (${mimeType})`;
  if (mimeType?.startsWith('image/') === true) return imageBlock(mimeType, blob, `the image resource ${uri}`);
  if (mimeType?.startsWith('text/') === true)
    return { type: 'text', text: `Resource ${uri}${type}:\n${Buffer.from(blob, 'base64').toString('utf8')}` };
  const bytes = byteLength(blob);
  if (mimeType === 'application/pdf') {
    return bytes > MAX_PDF_BYTES
      ? { type: 'text', text: `[the PDF resource ${uri}, ${megabytes(bytes)}, left out: too large to send to the model]` }
      : { type: 'document', title: uri, source: { type: 'base64', media_type: 'application/pdf', data: blob } };
  }
  return { type: 'text', text: `[the resource ${uri}${type}, ${bytes} bytes of binary data, left out]` };
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
      if ('text' in resource && typeof resource.text === 'string') {
        const type = resource.mimeType === undefined ? '' : ` (${resource.mimeType})`;
        return { type: 'text', text: `Resource ${resource.uri}${type}:\n${resource.text}` };
      }
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
