import type { CallToolResult, ContentBlock } from '@mcpx/core';
import { binaryLeftOut, byteLength, forModel, megabytes, resourceLinkText, resourceText, textCarries } from '../result-blocks.js';

/** One piece of a tool result as OpenAI can take it: text, an image, audio (Chat only) or a PDF file. */
export type OpenAIResultPart =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mimeType: string; data: string }
  | { kind: 'audio'; format: 'wav' | 'mp3'; data: string; mimeType: string }
  | { kind: 'file'; filename: string; data: string };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const AUDIO_FORMATS: Readonly<Record<string, 'wav' | 'mp3'>> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
};
/** The largest image sent, in bytes (OpenAI takes images of 20 MB at most). */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** The largest PDF or audio clip sent, in bytes: a request holds 50 MB at most, and base64 makes data a third larger. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function image(mimeType: string, data: string, what: string): OpenAIResultPart {
  const bytes = byteLength(data);
  if (!IMAGE_TYPES.has(mimeType))
    return {
      kind: 'text',
      text: `[${what} of type ${mimeType}, ${bytes} bytes, left out: OpenAI models take PNG, JPEG, GIF and WebP images only]`,
    };
  if (bytes > MAX_IMAGE_BYTES)
    return {
      kind: 'text',
      text: `[${what} of type ${mimeType}, ${megabytes(bytes)}, left out: OpenAI models take images of 20 MB at most]`,
    };
  return { kind: 'image', mimeType, data };
}

function audio(mimeType: string, data: string): OpenAIResultPart {
  const format = AUDIO_FORMATS[mimeType];
  const bytes = byteLength(data);
  if (format === undefined)
    return { kind: 'text', text: `[audio of type ${mimeType}, ${bytes} bytes, left out: OpenAI models take WAV and MP3 audio only]` };
  if (bytes > MAX_FILE_BYTES)
    return { kind: 'text', text: `[audio of type ${mimeType}, ${megabytes(bytes)}, left out: too large to send]` };
  return { kind: 'audio', format, data, mimeType };
}

function blob(uri: string, mimeType: string | undefined, data: string): OpenAIResultPart {
  if (mimeType?.startsWith('image/') === true) return image(mimeType, data, `the image resource ${uri}`);
  if (mimeType?.startsWith('audio/') === true) return audio(mimeType, data);
  if (mimeType?.startsWith('text/') === true)
    return { kind: 'text', text: resourceText(uri, mimeType, Buffer.from(data, 'base64').toString('utf8')) };
  const bytes = byteLength(data);
  if (mimeType === 'application/pdf') {
    return bytes > MAX_FILE_BYTES
      ? { kind: 'text', text: `[the PDF resource ${uri}, ${megabytes(bytes)}, left out: too large to send to the model]` }
      : { kind: 'file', filename: uri.split('/').pop() || 'resource.pdf', data };
  }
  return { kind: 'text', text: binaryLeftOut(uri, mimeType, data) };
}

function part(block: ContentBlock): OpenAIResultPart {
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: block.text };
    case 'image':
      return image(block.mimeType, block.data, 'an image');
    case 'audio':
      return audio(block.mimeType, block.data);
    case 'resource_link':
      return { kind: 'text', text: resourceLinkText(block) };
    case 'resource': {
      const { resource } = block;
      if ('text' in resource && typeof resource.text === 'string')
        return { kind: 'text', text: resourceText(resource.uri, resource.mimeType, resource.text) };
      return blob(resource.uri, resource.mimeType, 'blob' in resource && typeof resource.blob === 'string' ? resource.blob : '');
    }
  }
}

/** What opens the output of a result with `isError`: neither API has an error flag for function output. */
export const TOOL_ERROR_PREFIX = '[the tool reported an error]';

/**
 * An MCP `CallToolResult` as the parts of an OpenAI function output: text as text; PNG, JPEG, GIF
 * and WebP images (20 MB at most) as images; WAV and MP3 audio as audio; PDF blobs as files;
 * embedded text and `text/*` blobs as text with their URI; resource links as text; anything else
 * described in text. `structuredContent` is added as JSON text when no text block carries it;
 * empty text and blocks for the user only (`audience: ['user']`) are left out; an `isError`
 * result opens with `TOOL_ERROR_PREFIX`.
 */
export function toOpenAIResultParts(result: CallToolResult): OpenAIResultPart[] {
  const parts = result.content
    .filter(forModel)
    .map(part)
    .filter((piece) => !(piece.kind === 'text' && piece.text === ''));
  const structured = result.structuredContent;
  if (structured !== undefined && !textCarries(result, structured)) parts.push({ kind: 'text', text: JSON.stringify(structured) });
  if (result.isError === true) parts.unshift({ kind: 'text', text: TOOL_ERROR_PREFIX });
  return parts;
}

/** A base64 `data:` URL. */
export function dataUrl(mimeType: string, data: string): string {
  return `data:${mimeType};base64,${data}`;
}
