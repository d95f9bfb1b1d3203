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
export type EventStreamEnd =
  | { kind: 'ended' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'oversized'; bytes: number };

/**
 * Reads an SSE body to its end, handing each event to `handlers`. The size of each event is
 * checked as its bytes arrive: an event larger than `maxEventBytes` stops the reading.
 * Resolves (never rejects) with how the stream ended.
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, maxEventBytes: number, handlers: EventStreamHandlers): Promise<EventStreamEnd> {
  const guard = new EventSizeGuard(maxEventBytes);
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent: (event) => handlers.onEvent(event),
    onRetry: (ms) => handlers.onRetry(ms),
    onError: (error) => handlers.onIgnored(error.message),
  });
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'ended' };
      const overflow = guard.push(value);
      // The events before the oversized one, in the same chunk, are still delivered.
      parser.feed(decoder.decode(overflow === undefined ? value : value.subarray(0, overflow), { stream: true }));
      if (overflow !== undefined) {
        // Stops reading an oversized stream: the oversize is what is reported, a failed cancel adds nothing.
        reader.cancel().catch(() => undefined);
        return { kind: 'oversized', bytes: guard.size };
      }
    }
  } catch (error) {
    // Passes the failure on to the body's source: the read error is what is reported.
    reader.cancel(error).catch(() => undefined);
    return { kind: 'failed', error };
  }
}
