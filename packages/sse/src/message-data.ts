import type { JsonRpcMessage } from '@mcpx/core';
import { checkMessage } from '@mcpx/core/internal';

/** The messages found in the data of one `message` event, and what was wrong with the rest. */
export interface DecodedData {
  messages: JsonRpcMessage[];
  problems: string[];
}

/**
 * Decodes the data of a `message` event: one JSON-RPC message, or a batch (an array, which
 * 2025-03-26 servers may send) whose valid members are kept.
 */
export function decodeMessageData(data: string): DecodedData {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    return { messages: [], problems: [`the data is not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  if (items.length === 0) return { messages: [], problems: ['the data is an empty batch'] };
  const decoded: DecodedData = { messages: [], problems: [] };
  for (const item of items) {
    const checked = checkMessage(item);
    if (typeof checked === 'string') decoded.problems.push(checked);
    else decoded.messages.push(checked);
  }
  return decoded;
}
