import { TransportError } from '@mcpx/core';
import type { StreamCursor, StreamSink } from './consume.js';
import type { HttpAnswer } from './http-client.js';
import { Exchange } from './exchange.js';
import { followStream } from './follow-stream.js';
import type { PostContext } from './post.js';

/** Where the GET stream reports what it cannot deliver as messages. */
export interface GetStreamSink extends StreamSink {
  /** Something worth knowing that is not a failure (the server has no GET stream). */
  info(message: string): void;
}

/**
 * A GET of the session's event stream, from after `lastEventId` when given: how the GET stream
 * opens, and how a POST's answer stream resumes (`rpcMethod` names its request in errors).
 */
export function getEvents(
  context: PostContext,
  exchange: Exchange,
  lastEventId: string | undefined,
  rpcMethod: string | undefined,
): Promise<HttpAnswer> {
  return context.http.send({
    method: 'GET',
    headers: {
      ...context.session.headers(false),
      accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
    exchange,
    rpcMethod,
  });
}

/**
 * The GET stream on which the server sends requests and notifications of its own. Opened
 * after `notifications/initialized`; reconnected with `Last-Event-ID` when lost. A 405 (no
 * such stream) or a 404 ends it quietly; other failures are reported to `sink.error`.
 */
export class GetStream {
  readonly #exchange = new Exchange();
  readonly #cursor: StreamCursor = { lastEventId: undefined, retryMs: undefined };

  constructor(
    private readonly context: PostContext,
    private readonly sink: GetStreamSink,
  ) {}

  /** Opens the stream and keeps it open until `stop()`. */
  start(): void {
    // #run reports every failure through the sink and never rejects.
    void this.#run();
  }

  /** Closes the stream for good. */
  stop(): void {
    this.#exchange.abort(new Error('the GET stream was stopped'));
  }

  async #run(): Promise<void> {
    const exchange = this.#exchange;
    const context = this.context;
    try {
      await followStream({
        what: 'the GET stream',
        cursor: this.#cursor,
        sink: this.sink,
        open: (lastEventId) => getEvents(context, exchange, lastEventId, undefined),
        finished: () => false,
        canResume: () => true,
        unresumable: (cause) => new Error('unreachable: the GET stream can always be resumed', { cause }),
        policy: context.reconnect,
        exchange,
        maxEventBytes: context.maxEventBytes,
        scope: context.scope,
      });
    } catch (error) {
      if (exchange.aborted) return;
      if (TransportError.isInstance(error) && error.status === 405) {
        this.sink.info('the server offers no GET stream (405): its own requests and notifications arrive only on the answers to POSTs');
      } else if (TransportError.isInstance(error) && error.status === 404) {
        this.sink.info(
          'the server refused the GET stream with 404 (the session may have expired); it stays closed, and the next request renews the session if needed',
        );
      } else {
        this.sink.error(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
