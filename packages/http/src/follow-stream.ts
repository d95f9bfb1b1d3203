import { discard } from './body.js';
import { consumeEvents, type StreamCursor, type StreamSink } from './consume.js';
import { transportError, type ErrorScope } from './errors.js';
import type { Exchange } from './exchange.js';
import { mediaType } from './headers.js';
import { isNetworkFailure } from './http-client.js';
import { isOk, type HttpResponse } from './http-response.js';
import { reconnectDelay, sleep, type ReconnectPolicy } from './reconnect.js';
import { EventTooLargeError } from './sse-stream.js';
import { isRetryableStatus, parseRetryAfter, statusError } from './status.js';

/** One logical SSE stream, followed across reconnections. */
export interface FollowedStream {
  /** What the stream is, for messages: "the GET stream", "the response stream of tools/call". */
  what: string;
  cursor: StreamCursor;
  sink: StreamSink;
  /** The body the stream started with, when a POST opened it; without one the stream is opened at once. */
  first?: AsyncIterable<Uint8Array> | undefined;
  /** Opens the stream again: a GET, with `Last-Event-ID` when there is one. */
  open(lastEventId: string | undefined): Promise<{ response: HttpResponse; url: URL }>;
  /** True once nothing more is needed from the stream (its response arrived). */
  finished(): boolean;
  /** Whether a lost stream may be reopened. */
  canResume(): boolean;
  /** The error for a stream that ended, unfinished, and cannot be resumed. */
  unresumable(cause: unknown): Error;
  policy: ReconnectPolicy;
  /** What stops the stream, its reconnections and the waits between them. */
  exchange: Exchange;
  maxEventBytes: number;
  scope: ErrorScope;
  method?: string | undefined;
}

/**
 * Reads a stream until it is finished, reconnecting after each loss as the policy allows.
 * Resolves when finished or aborted; rejects when the stream cannot go on: a refusal that
 * retrying cannot fix, an oversized event, or too many failed reconnections.
 */
export async function followStream(stream: FollowedStream): Promise<void> {
  const { cursor, exchange, scope } = stream;
  let attempt = 0;
  let lastError: unknown;
  let hintMs: number | undefined;
  let body = stream.first;
  let opening = body === undefined;
  const sink: StreamSink = {
    ...stream.sink,
    event: () => {
      attempt = 0;
      stream.sink.event?.();
    },
    done: () => stream.finished(),
  };
  for (;;) {
    if (body !== undefined) {
      try {
        await consumeEvents(body, cursor, stream.maxEventBytes, sink, scope);
        lastError = undefined;
      } catch (error) {
        if (exchange.aborted) return;
        if (error instanceof EventTooLargeError) {
          throw transportError(
            scope,
            `${error.message} on ${stream.what}; raise maxEventBytes if the server really sends events this large`,
            { cause: error, method: stream.method },
          );
        }
        lastError = error;
      }
      body = undefined;
    }
    if (exchange.aborted || stream.finished()) return;
    if (!opening) {
      if (!stream.canResume()) throw stream.unresumable(lastError);
      const delay = reconnectDelay(stream.policy, attempt, cursor.retryMs, hintMs);
      if (delay === undefined) {
        const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
        throw transportError(scope, `${stream.what} was lost and could not be reconnected (gave up after ${tries})`, {
          cause: lastError,
          isRetryable: true,
          method: stream.method,
        });
      }
      attempt++;
      try {
        await sleep(delay, exchange.signal);
      } catch {
        return;
      }
    }
    const doing = `${opening ? 'opening' : 'reconnecting'} ${stream.what}`;
    opening = false;
    hintMs = undefined;
    try {
      const { response, url } = await stream.open(cursor.lastEventId);
      const contentType = response.headers['content-type'];
      if (isOk(response.status) && mediaType(contentType) === 'text/event-stream') {
        body = response.body;
      } else if (isOk(response.status)) {
        discard(response);
        throw transportError(
          scope,
          `${doing}: ${url.href} answered a GET with ${contentType ?? 'no content type'} instead of text/event-stream`,
          { status: response.status, method: stream.method },
        );
      } else if (isRetryableStatus(response.status) || response.status === 409) {
        hintMs = parseRetryAfter(response.headers['retry-after']);
        lastError = await statusError(scope, response, url, doing, stream.method);
      } else {
        throw await statusError(scope, response, url, doing, stream.method);
      }
    } catch (error) {
      if (exchange.aborted) return;
      if (!isNetworkFailure(error)) throw error;
      lastError = error;
    }
  }
}
