import type { JsonRpcMessage } from '@mcpx/core';
import { checkMessage } from '@mcpx/core/internal';

/** What one line from the server holds. */
export type DecodedLine =
  /** Not JSON at all: a log line printed to stdout by mistake. */
  | { kind: 'non-json' }
  /** JSON: the valid messages it holds, and what is wrong with the invalid ones. */
  | { kind: 'json'; messages: JsonRpcMessage[]; problems: string[] };

/**
 * Reads one line of newline-delimited JSON-RPC. A JSON array (a legacy batch) yields each
 * of its elements; an element that is not a JSON-RPC message becomes a problem.
 */
export function decodeLine(line: string): DecodedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'non-json' };
  }
  const messages: JsonRpcMessage[] = [];
  const problems: string[] = [];
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) problems.push('an empty batch (JSON array) is not a message');
  for (const item of items) {
    const checked = checkMessage(item);
    if (typeof checked === 'string') problems.push(checked);
    else messages.push(checked);
  }
  return { kind: 'json', messages, problems };
}

/** Serialises a message as one line. `JSON.stringify` escapes control characters, so the only `\n` is the last. */
export function encodeMessage(message: JsonRpcMessage): string {
  return `${JSON.stringify(message)}\n`;
}
