import type { ContentBlock, GetPromptResult, ReadResourceResult } from '@mcpx/core';
import type { Style } from './style.js';

/** A tool result's or prompt message's content as text for a terminal; binary parts are summarised. */
export function renderContent(blocks: readonly ContentBlock[], style: Style): string {
  return blocks.map((block) => renderBlock(block, style)).join('\n');
}

function renderBlock(block: ContentBlock, style: Style): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'image':
    case 'audio':
      return style.dim(`[${block.type} ${block.mimeType}, ${formatBytes(base64Bytes(block.data))}]`);
    case 'resource_link':
      return `${style.cyan('→')} ${block.uri}${block.name ? style.dim(` (${block.name})`) : ''}`;
    case 'resource': {
      const resource = block.resource as { uri: string; mimeType?: string; text?: string; blob?: string };
      if (typeof resource.text === 'string') return `${style.dim(`--- ${resource.uri}`)}\n${resource.text}`;
      return style.dim(
        `[resource ${resource.uri}${resource.mimeType ? ` ${resource.mimeType}` : ''}, ${formatBytes(base64Bytes(resource.blob ?? ''))}]`,
      );
    }
    default:
      return style.dim(`[${(block as { type: string }).type} content]`);
  }
}

/** The messages of a prompt, each under its role. */
export function renderPrompt(result: GetPromptResult, style: Style): string {
  const lines = result.description ? [style.dim(result.description), ''] : [];
  for (const message of result.messages) {
    lines.push(style.bold(`[${message.role}]`), renderContent([message.content], style), '');
  }
  return lines.join('\n');
}

/** The contents of a resource: text as it is, binary summarised (or written raw, see `read`). */
export function renderResource(result: ReadResourceResult, style: Style): string {
  const several = result.contents.length > 1;
  return result.contents
    .map((content) => {
      const header = several ? `${style.dim(`--- ${content.uri}${content.mimeType ? ` (${content.mimeType})` : ''}`)}\n` : '';
      const body =
        'text' in content && typeof content.text === 'string'
          ? content.text
          : style.dim(
              `[binary ${content.mimeType ?? 'data'}, ${formatBytes(base64Bytes((content as { blob?: string }).blob ?? ''))}; redirect stdout to a file to save it]`,
            );
      return header + body;
    })
    .join('\n');
}

/** Bytes encoded by a base64 string. */
export function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

/** `512 B`, `1.2 kB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
