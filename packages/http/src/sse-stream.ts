import { Buffer } from 'node:buffer';
import { createParser, type ParseError } from 'eventsource-parser';
import { Utf8Chunks } from './decode-chunks.js';

/** One thing read from a `text/event-stream` body. */
export type SseItem =
  | { kind: 'event'; id: string | undefined; event: string | undefined; data: string }
  | { kind: 'retry'; ms: number }
  | { kind: 'comment'; text: string };

/** Thrown when an event (or a line still arriving) is larger than allowed. */
export class EventTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the server sent an SSE event larger than maxEventBytes (${limit} bytes)`);
    this.name = 'EventTooLargeError';
  }
}

/**
 * Parses a `text/event-stream` body into events, `retry:` values and comments, in order.
 * Ends when the body ends (an unfinished last event is dropped, as the SSE standard says);
 * throws what the body throws, or `EventTooLargeError` as soon as an event passes
 * `maxEventBytes`, without buffering more than about that much. Stopping early cancels the body.
 */
export async function* readEventStream(body: AsyncIterable<Uint8Array>, maxEventBytes: number): AsyncGenerator<SseItem, void> {
  const queue: SseItem[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: ({ id, event, data }) => queue.push({ kind: 'event', id, event, data }),
    onRetry: (ms) => queue.push({ kind: 'retry', ms }),
    onComment: (text) => queue.push({ kind: 'comment', text }),
    onError: (error: ParseError) => {
      // Unknown fields and invalid retry values are ignored, as the SSE standard says.
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
    maxBufferSize: maxEventBytes,
  });
  const chunks = body[Symbol.asyncIterator]();
  const decoder = new Utf8Chunks();
  try {
    for (;;) {
      const chunk = await chunks.next();
      const done = chunk.done === true;
      const text = done ? decoder.end() : decoder.write(chunk.value);
      if (text !== '') parser.feed(text);
      for (const item of queue.splice(0)) {
        if (item.kind === 'event' && Buffer.byteLength(item.data) > maxEventBytes) throw new EventTooLargeError(maxEventBytes);
        yield item;
      }
      if (overflow) throw new EventTooLargeError(maxEventBytes);
      if (done) return;
    }
  } finally {
    // Lets go of the body when reading stops early; nothing left to free otherwise.
    await Promise.resolve(chunks.return?.()).catch(() => undefined);
  }
}
