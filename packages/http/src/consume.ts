import type { JsonRpcMessage } from '@mcpx/core';
import { decodeMessages, shorten } from './decode.js';
import { transportError, type ErrorScope } from './errors.js';
import { readEventStream } from './sse-stream.js';

/** Where one logical SSE stream stands, kept across reconnections. */
export interface StreamCursor {
  /** The id of the last event with one: where to resume from (`Last-Event-ID`). */
  lastEventId: string | undefined;
  /** The reconnection delay the server asked for with `retry:`, in milliseconds. */
  retryMs: number | undefined;
}

/** Where the contents of a stream go. */
export interface StreamSink {
  /** A message from the server. */
  message(message: JsonRpcMessage): void;
  /** A malformed event: reported, then the stream goes on. */
  error(error: Error): void;
  /** Any event arrived (priming events included). */
  event?(): void;
  /** True when nothing more is wanted: reading stops and the body is let go. */
  done?(): boolean;
}

/**
 * Reads one SSE body to its end, delivering the JSON-RPC messages of its `message` events and
 * keeping `cursor` up to date. Events with empty data (priming events) only move the cursor.
 * Stops early once `sink.done()` says so. Rejects when the body fails or an event is too large.
 */
export async function consumeEvents(
  body: AsyncIterable<Uint8Array>,
  cursor: StreamCursor,
  maxEventBytes: number,
  sink: StreamSink,
  scope: ErrorScope,
): Promise<void> {
  for await (const item of readEventStream(body, maxEventBytes)) {
    if (item.kind === 'retry') {
      cursor.retryMs = item.ms;
      continue;
    }
    if (item.kind !== 'event') continue;
    if (item.id !== undefined) cursor.lastEventId = item.id === '' ? undefined : item.id;
    sink.event?.();
    if ((item.event !== undefined && item.event !== 'message') || item.data.trim() === '') continue;
    const { messages, problems } = decodeMessages(item.data);
    for (const problem of problems) {
      sink.error(
        transportError(
          scope,
          `the server sent an SSE event that is not a valid message, skipped: ${problem}. The data: ${shorten(item.data)}`,
        ),
      );
    }
    for (const message of messages) sink.message(message);
    if (sink.done?.() === true) return;
  }
}
