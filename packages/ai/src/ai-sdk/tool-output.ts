import type { CallToolResult, ContentBlock } from '@mcpx/core';
import type { Tool } from 'ai';
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

/** A base64 file part, after a caption naming what it is when given. */
function filePart(mediaType: string, data: string, caption?: string, filename?: string): OutputPart[] {
  const file: OutputPart = { type: 'file', mediaType, data: { type: 'data', data }, ...(filename === undefined ? {} : { filename }) };
  return caption === undefined ? [file] : [{ type: 'text', text: caption }, file];
}

/** Who refuses what this adapter leaves out: the AI SDK's providers (Anthropic's takes the fewest media). */
export const AI_SDK_PROVIDERS = 'the AI SDK’s providers';

/** A JPEG, PNG, GIF or WebP image of 5 MB at most as a file part; any other image described in text (a provider would refuse the request). */
function imageParts(mimeType: string, data: string, what: string, caption?: string, filename?: string): OutputPart[] {
  const leftOut = imageLeftOut(mimeType, data, what, AI_SDK_PROVIDERS);
  return leftOut === undefined ? filePart(mimeType, data, caption, filename) : [{ type: 'text', text: leftOut }];
}

/** The text that stands for audio or video (an embedded resource when `uri` is given): not every provider takes it (Anthropic's throws). */
export function mediaLeftOut(kind: 'audio' | 'video', mimeType: string, data: string, uri?: string): string {
  const what = uri === undefined ? kind : `${kind} resource ${uri}`;
  return `[${what} of type ${mimeType}, ${byteLength(data)} bytes, left out: ${AI_SDK_PROVIDERS} do not all take ${kind}]`;
}

/** An embedded blob resource: an image or a PDF as a file part named by its URI (within the providers' limits); text decoded; anything else described. */
function blobParts(uri: string, mimeType: string | undefined, blob: string): OutputPart[] {
  if (mimeType?.startsWith('image/') === true)
    return imageParts(mimeType, blob, `the image resource ${uri}`, `Resource ${uri} (${mimeType}):`, uri);
  if (mimeType?.startsWith('text/') === true)
    return [{ type: 'text', text: resourceText(uri, mimeType, Buffer.from(blob, 'base64').toString('utf8')) }];
  if (mimeType?.startsWith('audio/') === true) return [{ type: 'text', text: mediaLeftOut('audio', mimeType, blob, uri) }];
  if (mimeType?.startsWith('video/') === true) return [{ type: 'text', text: mediaLeftOut('video', mimeType, blob, uri) }];
  if (mimeType === 'application/pdf') {
    const leftOut = pdfLeftOut(uri, blob);
    return leftOut === undefined ? filePart(mimeType, blob, `Resource ${uri} (${mimeType}):`, uri) : [{ type: 'text', text: leftOut }];
  }
  return [{ type: 'text', text: binaryLeftOut(uri, mimeType, blob) }];
}

/** One MCP content block as parts of the AI SDK's `content` tool output. */
export function toAiSdkParts(block: ContentBlock): OutputPart[] {
  switch (block.type) {
    case 'text':
      return [{ type: 'text', text: block.text }];
    case 'image':
      return imageParts(block.mimeType, block.data, 'an image');
    case 'audio':
      return [{ type: 'text', text: mediaLeftOut('audio', block.mimeType, block.data) }];
    case 'resource_link':
      return [{ type: 'text', text: resourceLinkText(block) }];
    case 'resource': {
      const { resource } = block;
      if ('text' in resource && typeof resource.text === 'string')
        return [{ type: 'text', text: resourceText(resource.uri, resource.mimeType, resource.text) }];
      return blobParts(resource.uri, resource.mimeType, 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '');
    }
  }
}

/** What the model reads for a result with nothing for it, as the OpenAI adapter does. */
const NO_OUTPUT = '(no output)';

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
 * (text; JPEG, PNG, GIF and WebP images of 5 MB at most and embedded PDFs of 20 MB at most as
 * base64 file parts; other images, audio, video and binary data described in text, since a
 * provider refuses the whole request for a medium it cannot take; `(no output)` for a result with
 * nothing for the model); an `isError` result or a failed call as `error-text`, which the
 * providers send as an error (Anthropic's `is_error`); a declined call as `execution-denied` with
 * the reason.
 */
export function toAiSdkModelOutput(output: AiSdkToolOutput): AiSdkModelOutput {
  switch (output.outcome) {
    case 'declined':
      return { type: 'execution-denied', reason: output.message };
    case 'failed':
      return { type: 'error-text', value: output.message };
    case 'result': {
      const parts = resultParts(output.result);
      // An empty output is refused by some providers (OpenAI's).
      if (output.result.isError !== true)
        return { type: 'content', value: parts.length === 0 ? [{ type: 'text', text: NO_OUTPUT }] : parts };
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
