import { Buffer } from 'node:buffer';
import type { JsonRpcMessage } from '@mcpx/core';
import { checkMessage } from '@mcpx/core/internal';

/** What one frame from the server held: its valid messages, and a sentence for each thing wrong with it. */
export interface DecodedFrame {
  messages: JsonRpcMessage[];
  problems: string[];
}

/** How much of a bad frame an error message quotes. */
const QUOTED_CHARS = 200;

/**
 * Reads one frame of MCP over WebSocket: a text frame holding one JSON-RPC message. A JSON
 * array (a batch, from older protocol revisions) yields each of its messages. Binary frames,
 * non-JSON text and invalid messages become problems; none of them ends the connection.
 */
export function decodeFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): DecodedFrame {
  const bytes = toBuffer(data);
  if (isBinary) {
    return {
      messages: [],
      problems: [`the server sent a binary frame (${bytes.length} bytes), skipped: MCP over WebSocket sends each message as a text frame`],
    };
  }
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { messages: [], problems: [`the server sent a text frame that is not JSON, skipped: ${quote(text)}`] };
  }
  const items = Array.isArray(value) ? value : [value];
  const result: DecodedFrame = { messages: [], problems: [] };
  if (items.length === 0) result.problems.push('the server sent an empty batch (a JSON array), skipped');
  for (const item of items) {
    const checked = checkMessage(item);
    if (typeof checked === 'string')
      result.problems.push(`the server sent an invalid JSON-RPC message, skipped: ${checked}. The frame: ${quote(text)}`);
    else result.messages.push(checked);
  }
  return result;
}

/** One message as the text of one frame. */
export function encodeMessage(message: JsonRpcMessage): string {
  return JSON.stringify(message);
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function quote(text: string): string {
  return text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text;
}
