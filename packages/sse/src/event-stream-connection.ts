import { TransportError } from '@mcpx/core';
import { discard, Exchange, type HttpBody, type HttpClient, type HttpResponse } from '@mcpx/http/request';
import { resolveEndpoint } from './endpoint.js';
import { readEventStream, type EventStreamEnd } from './event-stream.js';
import { httpStatusError } from './http-error.js';

/** What every connection of one transport shares. */
export interface ConnectionSettings {
  /** Sends the GET; its URL is the stream's. */
  http: HttpClient;
  url: URL;
  endpointTimeoutMs: number;
  maxEventBytes: number;
  server: string | undefined;
}

/** What a connection reports while its stream is read. */
export interface ConnectionCallbacks {
  /** The data of a `message` event. */
  onMessageData(data: string): void;
  /** The `id` of an event, for `Last-Event-ID`. */
  onEventId(id: string): void;
  /** The server's `retry:` field, in milliseconds. */
  onRetry(ms: number): void;
  /** A later `endpoint` event on an open stream: the new URL to POST to. */
  onEndpoint(endpoint: URL): void;
  /** Something skipped that is worth a diagnostic. */
  onSkipped(message: string): void;
}

/** Why an open stream ended. */
export interface StreamDrop {
  error: TransportError;
  /** The server sent something unacceptable (an oversized event): worth an error report of its own. */
  serverFault: boolean;
}

/**
 * One GET of the event stream, from the request to the end of the body. `open()` resolves
 * once the server's `endpoint` event has arrived, and rejects with a typed error when the
 * GET fails, the response is not an event stream, or no endpoint comes in time.
 */
export class EventStreamConnection {
  /** The URL to POST messages to; a later `endpoint` event replaces it. */
  endpoint: URL;
  /** Settles when the stream ends, however it ends; never rejects. */
  readonly dropped: Promise<StreamDrop>;
  readonly #exchange: Exchange;

  private constructor(endpoint: URL, dropped: Promise<StreamDrop>, exchange: Exchange) {
    this.endpoint = endpoint;
    this.dropped = dropped;
    this.#exchange = exchange;
  }

  /** Opens the stream, sending `lastEventId` when given; `signal` aborts the opening and, later, the stream. */
  static async open(
    settings: ConnectionSettings,
    callbacks: ConnectionCallbacks,
    lastEventId: string | undefined,
    signal: AbortSignal,
  ): Promise<EventStreamConnection> {
    signal.throwIfAborted();
    // What stops the GET and the reading of its body: the transport's signal, the endpoint timeout, abort().
    const exchange = new Exchange();
    const unlink = exchange.follow(signal);
    const timer = setTimeout(() => exchange.abort(endpointTimeout(settings)), settings.endpointTimeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
      if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      const { response, url } = await settings.http.send({ method: 'GET', headers, exchange });
      const body = await eventStreamBody(response, url, settings);
      let connection: EventStreamConnection | undefined = undefined;
      let latest: URL | undefined;
      let announce!: (endpoint: URL) => void;
      const announced = new Promise<URL>((resolve) => (announce = resolve));
      const ending = readEventStream(body, settings.maxEventBytes, {
        onEvent: (event) => {
          if (event.id !== undefined) callbacks.onEventId(event.id);
          if (event.event === 'endpoint') {
            const endpoint = resolveEndpoint(event.data, settings.url);
            if (typeof endpoint === 'string')
              exchange.abort(new TransportError(endpoint, { target: settings.url.href, server: settings.server }));
            else {
              const first = latest === undefined;
              latest = endpoint;
              if (first) announce(endpoint);
              else if (connection !== undefined) {
                connection.endpoint = endpoint;
                callbacks.onEndpoint(endpoint);
              }
            }
          } else if (event.event === undefined || event.event === 'message') {
            callbacks.onMessageData(event.data);
          } else {
            callbacks.onSkipped(`skipped an event of type "${event.event}" from ${settings.url.href}`);
          }
        },
        onRetry: (ms) => callbacks.onRetry(ms),
        onIgnored: (problem) => callbacks.onSkipped(`skipped a line of the event stream from ${settings.url.href}: ${problem}`),
      });
      const dropped = ending.then((end) => describeDrop(end, exchange, settings, connection !== undefined)).finally(unlink);
      const first = await Promise.race([announced, dropped]);
      if (!(first instanceof URL)) throw first.error;
      clearTimeout(timer);
      // A second endpoint event may have come in the same chunk as the first: the latest wins.
      connection = new EventStreamConnection(latest ?? first, dropped, exchange);
      return connection;
    } catch (error) {
      clearTimeout(timer);
      unlink();
      exchange.abort(error);
      // Closed by the transport while opening: its reason, not whatever the abort broke.
      throw signal.aborted ? signal.reason : error;
    }
  }

  /** Ends the stream; `dropped` then settles with `reason`. */
  abort(reason: Error): void {
    this.#exchange.abort(reason);
  }
}

/** The body of the GET's answer at `url` (the stream's URL, or where it redirected), if it is an event stream. */
async function eventStreamBody(response: HttpResponse, url: URL, settings: ConnectionSettings): Promise<HttpBody> {
  const { server } = settings;
  if (response.status !== 200) throw await httpStatusError(response, 'GET', url, server);
  const type = response.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('text/event-stream')) {
    discard(response);
    const got = type === '' ? 'no content type' : type;
    throw new TransportError(
      `GET ${url.href} answered 200 with ${got} instead of an event stream (text/event-stream); check the URL: a 2024-11-05 server usually serves its event stream at /sse, and a server that only speaks Streamable HTTP needs @mcpx/http instead`,
      { status: 200, target: settings.url.href, server },
    );
  }
  return response.body;
}

function endpointTimeout(settings: ConnectionSettings): TransportError {
  return new TransportError(
    `no endpoint event from ${settings.url.href} within ${settings.endpointTimeoutMs} ms; check that the URL is the event stream of a 2024-11-05 server, or raise endpointTimeoutMs if it is just slow`,
    { isRetryable: true, target: settings.url.href, server: settings.server },
  );
}

function describeDrop(end: EventStreamEnd, exchange: Exchange, settings: ConnectionSettings, open: boolean): StreamDrop {
  const target = settings.url.href;
  const common = { target, server: settings.server };
  const when = open ? '' : ' before sending its endpoint event';
  if (exchange.aborted) {
    const reason: unknown = exchange.reason;
    const error = TransportError.isInstance(reason)
      ? reason
      : new TransportError(`the event stream from ${target} was closed`, { ...common, cause: reason });
    return { error, serverFault: false };
  }
  switch (end.kind) {
    case 'ended':
      return {
        error: new TransportError(`the server closed the event stream ${target}${when}`, { ...common, isRetryable: true }),
        serverFault: false,
      };
    case 'failed': {
      const why = end.error instanceof Error ? end.error.message : String(end.error);
      return {
        error: new TransportError(`the event stream from ${target} broke${when}: ${why}`, {
          ...common,
          cause: end.error,
          isRetryable: true,
        }),
        serverFault: false,
      };
    }
    case 'oversized': {
      const limit = settings.maxEventBytes;
      const message = `the server sent an event larger than maxEventBytes (${limit} bytes) on ${target}, so the stream was closed; raise maxEventBytes if the server really sends messages this large`;
      return { error: new TransportError(message, { ...common, isRetryable: true }), serverFault: true };
    }
  }
}
