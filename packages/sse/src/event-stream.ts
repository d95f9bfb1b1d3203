import { Utf8Chunks } from '@mcpx/http/request';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { EventSizeGuard } from './event-size-guard.js';

/** What the reader reports while it reads an event stream. */
export interface EventStreamHandlers {
  /** A complete event. */
  onEvent(event: EventSourceMessage): void;
  /** The server's `retry:` field, in milliseconds. */
  onRetry(ms: number): void;
  /** A line the parser did not understand (an unknown field, a bad `retry:`). */
  onIgnored(problem: string): void;
}

/** How reading an event stream ended. */
export type EventStreamEnd = { kind: 'ended' } | { kind: 'failed'; error: unknown } | { kind: 'oversized'; bytes: number };

/**
 * Reads an SSE body (the chunks of a response body) to its end, handing each event to
 * `handlers`. The size of each event is checked as its bytes arrive: an event larger than
 * `maxEventBytes` stops the reading, and lets go of the body. Resolves (never rejects) with
 * how the stream ended.
 */
export async function readEventStream(
  body: AsyncIterable<Uint8Array>,
  maxEventBytes: number,
  handlers: EventStreamHandlers,
): Promise<EventStreamEnd> {
  const guard = new EventSizeGuard(maxEventBytes);
  const decoder = new Utf8Chunks();
  const parser = createParser({
    onEvent: (event) => handlers.onEvent(event),
    onRetry: (ms) => handlers.onRetry(ms),
    onError: (error) => handlers.onIgnored(error.message),
  });
  try {
    // Leaving the loop early lets go of the body.
    for await (const chunk of body) {
      const overflow = guard.push(chunk);
      // The events before the oversized one, in the same chunk, are still delivered.
      const text = decoder.write(overflow === undefined ? chunk : chunk.subarray(0, overflow));
      if (text !== '') parser.feed(text);
      if (overflow !== undefined) return { kind: 'oversized', bytes: guard.size };
    }
    return { kind: 'ended' };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
