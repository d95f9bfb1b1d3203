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
  const decoded: Decoded = { messages: [], problems: [] };
  // One message, as nearly every answer is, is checked without a batch to walk.
  if (!Array.isArray(value)) return addChecked(decoded, value);
  for (const item of value) addChecked(decoded, item);
  if (value.length === 0) decoded.problems.push('an empty batch');
  return decoded;
}

/** Adds `item` to the messages when it is one, else says why not among the problems. */
function addChecked(decoded: Decoded, item: unknown): Decoded {
  const checked = checkMessage(item);
  if (typeof checked === 'string') decoded.problems.push(`not a JSON-RPC message: ${checked}`);
  else decoded.messages.push(checked);
  return decoded;
}

/** `text` cut to `max` characters, for error messages. */
export function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
