import type { JsonRpcMessage } from '@mcpx/core';
import { checkMessage } from '@mcpx/core/internal';

/** The messages found in one JSON text, and what was wrong with the rest. */
export interface Decoded {
  messages: JsonRpcMessage[];
  problems: string[];
}

/** Decodes a JSON-RPC message, or a batch of them (allowed by 2025-03-26), from `text`. */
export function decodeMessages(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { messages: [], problems: [`malformed JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (!Array.isArray(value)) {
    // One message, as nearly every answer is: no batch to walk.
    const checked = checkMessage(value);
    return typeof checked === 'string'
      ? { messages: [], problems: [`not a JSON-RPC message: ${checked}`] }
      : { messages: [checked], problems: [] };
  }
  const decoded: Decoded = { messages: [], problems: [] };
  for (const item of value) {
    const checked = checkMessage(item);
    if (typeof checked === 'string') decoded.problems.push(`not a JSON-RPC message: ${checked}`);
    else decoded.messages.push(checked);
  }
  if (value.length === 0) decoded.problems.push('an empty batch');
  return decoded;
}

/** `text` cut to `max` characters, for error messages. */
export function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
