import { isDeepStrictEqual } from 'node:util';
import type { CallToolResult, ContentBlock } from '@mcpx/core';

/** The decoded size of base64 `data`, in bytes. */
export function byteLength(data: string): number {
  return Buffer.byteLength(data, 'base64');
}

/** `bytes` as megabytes, one decimal. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** False for a block annotated for the user only (`audience: ['user']`): the model is not meant to read it. */
export function forModel(block: ContentBlock): boolean {
  const audience = block.annotations?.audience;
  return audience === undefined || audience.length === 0 || audience.includes('assistant');
}

/** True when a text block of `result` already holds its `structuredContent` as JSON. */
export function textCarries(result: CallToolResult, structured: Record<string, unknown>): boolean {
  return result.content.some((block) => {
    if (block.type !== 'text') return false;
    try {
      return isDeepStrictEqual(JSON.parse(block.text), structured);
    } catch {
      return false;
    }
  });
}

/** A resource link as the text the model reads. */
export function resourceLinkText(block: Extract<ContentBlock, { type: 'resource_link' }>): string {
  const details = [block.mimeType, block.description].filter((part) => part !== undefined).join('; ');
  return `[a link to the resource "${block.name}" at ${block.uri}${details === '' ? '' : ` (${details})`}]`;
}

/** The image types every model API the adapters talk to takes (Anthropic's are the fewest). */
const MODEL_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** The largest image sent to a model, in bytes: Anthropic's Messages API takes 5 MB at most. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The largest PDF sent to a model, in bytes: base64 makes it a third larger, and an Anthropic request may hold 32 MB. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * The text that stands for an image the model cannot be sent (a type other than JPEG, PNG, GIF
 * and WebP, or more than `MAX_IMAGE_BYTES`), or undefined when it can be: `what` names the image
 * ("an image"), `models` who refuses it ("Anthropic models").
 */
export function imageLeftOut(mimeType: string, data: string, what: string, models: string): string | undefined {
  const bytes = byteLength(data);
  if (!MODEL_IMAGE_TYPES.has(mimeType))
    return `[${what} of type ${mimeType}, ${bytes} bytes, left out: ${models} take JPEG, PNG, GIF and WebP images only]`;
  if (bytes > MAX_IMAGE_BYTES) return `[${what} of type ${mimeType}, ${megabytes(bytes)}, left out: ${models} take images of 5 MB at most]`;
  return undefined;
}

/** The text that stands for an embedded PDF larger than `MAX_PDF_BYTES`, or undefined when it can be sent. */
export function pdfLeftOut(uri: string, data: string): string | undefined {
  const bytes = byteLength(data);
  return bytes > MAX_PDF_BYTES ? `[the PDF resource ${uri}, ${megabytes(bytes)}, left out: too large to send to the model]` : undefined;
}

/** An embedded text resource (or a `text/*` blob, decoded) as the text the model reads, opened by its URI and type. */
export function resourceText(uri: string, mimeType: string | undefined, text: string): string {
  return `Resource ${uri}${mimeType === undefined ? '' : ` (${mimeType})`}:\n${text}`;
}

/** The text that stands for an embedded binary resource the model cannot be sent. */
export function binaryLeftOut(uri: string, mimeType: string | undefined, blob: string): string {
  return `[the resource ${uri}${mimeType === undefined ? '' : ` (${mimeType})`}, ${byteLength(blob)} bytes of binary data, left out]`;
}
