import type { CallToolResult, ContentBlock } from '@mcpx/core';
import type { Tool } from 'ai';
import type { ToolCallRequest } from '../approval.js';
import { byteLength, forModel, resourceLinkText, textCarries } from '../result-blocks.js';
import { outcomeText, type DescribeFailure, type ToolCallOutcome } from '../tool-call.js';

/** What the AI SDK's `toModelOutput` returns: the tool output the model is given. */
export type AiSdkModelOutput = Awaited<ReturnType<NonNullable<Tool['toModelOutput']>>>;

type OutputPart = Extract<AiSdkModelOutput, { type: 'content' }>['value'][number];

/**
 * What an `aiSdkTools` tool's `execute` returns, the `output` of its tool result in the AI SDK's
 * steps: the server's result (which may be an `isError` one), or, for a call that never gave one,
 * the text the model is told: `declined` by `approve`, or `failed` (server down, timeout,
 * `approve` threw). Plain JSON, so it survives the AI SDK's UI message streams.
 */
export type AiSdkToolOutput =
  { outcome: 'result'; result: CallToolResult } | { outcome: 'declined'; message: string } | { outcome: 'failed'; message: string };

/** The output of `execute` for a call's outcome (never `unknown-tool`: the AI SDK answers a made-up name itself). */
export function toAiSdkToolOutput(call: ToolCallRequest, outcome: ToolCallOutcome, describeFailure?: DescribeFailure): AiSdkToolOutput {
  if (outcome.kind === 'result') return { outcome: 'result', result: outcome.result };
  return { outcome: outcome.kind === 'declined' ? 'declined' : 'failed', message: outcomeText(call, outcome, describeFailure) };
}

/** A base64 file part, and a caption naming what it is (a provider that cannot take the file leaves it out, with a warning). */
function filePart(mediaType: string, data: string, caption?: string, filename?: string): OutputPart[] {
  const file: OutputPart = { type: 'file', mediaType, data: { type: 'data', data }, ...(filename === undefined ? {} : { filename }) };
  return caption === undefined ? [file] : [{ type: 'text', text: caption }, file];
}

/** An embedded blob resource: an image, audio, video or PDF as a file part named by its URI; text decoded; anything else described. */
function blobParts(uri: string, mimeType: string | undefined, blob: string): OutputPart[] {
  const type = mimeType === undefined ? '' : ` (${mimeType})`;
  if (mimeType?.startsWith('text/') === true)
    return [{ type: 'text', text: `Resource ${uri}${type}:\n${Buffer.from(blob, 'base64').toString('utf8')}` }];
  if (mimeType !== undefined && (/^(image|audio|video)\//.test(mimeType) || mimeType === 'application/pdf'))
    return filePart(mimeType, blob, `Resource ${uri}${type}:`, uri);
  return [{ type: 'text', text: `[the resource ${uri}${type}, ${byteLength(blob)} bytes of binary data, left out]` }];
}

/** One MCP content block as parts of the AI SDK's `content` tool output. */
export function toAiSdkParts(block: ContentBlock): OutputPart[] {
  switch (block.type) {
    case 'text':
      return [{ type: 'text', text: block.text }];
    case 'image':
      return filePart(block.mimeType, block.data);
    case 'audio':
      return filePart(block.mimeType, block.data, `[audio of type ${block.mimeType}, ${byteLength(block.data)} bytes]`);
    case 'resource_link':
      return [{ type: 'text', text: resourceLinkText(block) }];
    case 'resource': {
      const { resource } = block;
      if ('text' in resource && typeof resource.text === 'string') {
        const type = resource.mimeType === undefined ? '' : ` (${resource.mimeType})`;
        return [{ type: 'text', text: `Resource ${resource.uri}${type}:\n${resource.text}` }];
      }
      return blobParts(resource.uri, resource.mimeType, 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '');
    }
  }
}

/** A result's parts for the model: blocks for the user only and empty texts left out, `structuredContent` added as JSON text when no text block carries it. */
function resultParts(result: CallToolResult): OutputPart[] {
  const parts = result.content
    .filter(forModel)
    .flatMap(toAiSdkParts)
    .filter((part) => !(part.type === 'text' && part.text === ''));
  const structured = result.structuredContent;
  if (structured !== undefined && !textCarries(result, structured)) parts.push({ type: 'text', text: JSON.stringify(structured) });
  return parts;
}

/**
 * The tool output the model is given (the AI SDK's `toModelOutput`): a result as `content` parts
 * (text, and images, audio, video and PDFs as base64 file parts, which each provider package
 * keeps where its API takes them); an `isError` result or a failed call as `error-text`, which
 * the providers send as an error (Anthropic's `is_error`); a declined call as `execution-denied`
 * with the reason.
 */
export function toAiSdkModelOutput(output: AiSdkToolOutput): AiSdkModelOutput {
  switch (output.outcome) {
    case 'declined':
      return { type: 'execution-denied', reason: output.message };
    case 'failed':
      return { type: 'error-text', value: output.message };
    case 'result': {
      const parts = resultParts(output.result);
      if (output.result.isError !== true) return { type: 'content', value: parts };
      const text = parts.map((part) =>
        part.type === 'text' ? part.text : part.type === 'file' ? `[a file of type ${part.mediaType}, left out]` : '',
      );
      return {
        type: 'error-text',
        value: text.filter((line) => line !== '').join('\n') || 'The tool reported an error without a message.',
      };
    }
  }
}
