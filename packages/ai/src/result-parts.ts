import { isDeepStrictEqual } from 'node:util';
import type { CallToolResult, ContentBlock } from '@mcpx/core';

/** The decoded size of base64 `data`, in bytes. */
export function byteLength(data: string): number {
  return Buffer.byteLength(data, 'base64');
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

/** How a resource link is told to the model, in text. */
export function resourceLinkText(block: Extract<ContentBlock, { type: 'resource_link' }>): string {
  const details = [block.mimeType, block.description].filter((part) => part !== undefined).join('; ');
  return `[a link to the resource "${block.name}" at ${block.uri}${details === '' ? '' : ` (${details})`}]`;
}
