import {
  CancelledError,
  ConnectionClosedError,
  McpxError,
  TransportError,
  type JsonRpcMessage,
  type RequestId,
  type Transport,
  type TransportDiagnostic,
  type TransportSendOptions,
} from '@mcpx/core';
import { isModernProtocolVersion, isNotification, isRequest, NumberTable, TransportCallbacks } from '@mcpx/core/internal';
import { discard } from './body.js';
import type { StreamSink } from './consume.js';
import { messageOf, transportError, type ErrorScope } from './errors.js';
import { Exchange } from './exchange.js';
import { GetStream } from './get-stream.js';
import { HttpClient } from './http-client.js';
import { isOk } from './http-response.js';
import { ModernPostHeaders, modernVersion } from './modern/request-headers.js';
import { resolveOptions, type ResolvedHttpOptions, type StreamableHttpTransportOptions } from './options.js';
import { postMessage, type PostContext, type PostOptions } from './post.js';
import { Session } from './session.js';

type State = 'new' | 'open' | 'closed';

/** A message being POSTed: its POST's options, and what the transport forgets once it settled. */
interface Outgoing extends PostOptions {
  /** Where it is in `#inFlight`. */
  key: number;
  /** Unlinks the caller's signal from the exchange. */
  unfollow: (() => void) | undefined;
  /** The id of a request, by which a cancellation finds it. */
  requestId: RequestId | undefined;
  method: string | undefined;
}

/**
 * The Streamable HTTP transport of MCP: every message is a POST to the endpoint, answered
 * with JSON or an SSE stream. For revisions 2025-03-26 to 2025-11-25 a GET stream carries
 * what the server sends on its own; the transport keeps the session id (asking the client,
 * through `onsessionexpired`, for a new session once when it expires) and resumes streams from
 * their last event id. A 2026-07-28 message (one whose `_meta` names its revision) is sent
 * statelessly with the `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` headers and the
 * `Mcp-Param-*` headers of the arguments the client mirrors, and cancelled by closing its stream.
 * Either way it retries what is safe to retry and never sends credentials to another
 * origin on a redirect.
 *
 * @example
 * const transport = new StreamableHttpTransport('https://example.com/mcp', { authProvider: bearerAuth(token) });
 * await client.connect(transport);
 */
export class StreamableHttpTransport implements Transport {
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not close the connection: a malformed event, a lost GET stream. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called exactly once when the transport has closed; with a reason unless `close()` closed it. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with information such as "the server has no GET stream" or a session renewal. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** Set by the client: starts a new session (`initialize`, `notifications/initialized`) when the server says the session expired. */
  onsessionexpired?: (() => Promise<void>) | undefined;
  /** The endpoint URL, for error messages. */
  readonly description: string;
  /** 2026-07-28 tool arguments annotated with `x-mcp-header` travel as `Mcp-Param-*` headers over Streamable HTTP. */
  readonly mirrorsToolArguments = true;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedHttpOptions;
  readonly #scope: ErrorScope;
  readonly #session = new Session();
  /** The POST headers of the 2026-07-28 messages. */
  readonly #modernHeaders = new ModernPostHeaders();
  /**
   * Every message in flight, by a number of the transport's own: all aborted on close, and a
   * request's found by its id when it is cancelled (a walk, as cancelling is rare). Not a `Map`
   * or `Set`: see `NumberTable` for what one with this churn costs on Node 20.
   */
  readonly #inFlight = new NumberTable<Outgoing>();
  #nextKey = 0;
  readonly #context: PostContext<Outgoing>;
  #state: State = 'new';
  #getStream: GetStream | undefined;
  #renewal: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  /** Checks the URL and options (throwing a `ConfigError`); nothing is sent before the first message. */
  constructor(url: string | URL, options: StreamableHttpTransportOptions = {}) {
    this.#options = resolveOptions(url, options);
    this.description = this.#options.url.href;
    this.#scope = { target: this.description, server: this.#options.name };
    this.#context = {
      http: new HttpClient(this.#options, this.#scope),
      session: this.#session,
      scope: this.#scope,
      retry: this.#options.retry,
      reconnect: { ...this.#options.reconnect, maxRetryAfterMs: this.#options.retry.maxRetryAfterMs },
      maxEventBytes: this.#options.maxEventBytes,
      renewSession: (expired) => this.#renewSession(expired),
      pendingRenewal: () => this.#renewal,
      settled: {
        sent: (post) => this.#sent(post),
        failed: (post, error) => this.#failed(post, error),
      },
    };
  }

  /** The session id the server assigned, once `initialize` succeeded (undefined for sessionless servers). */
  get sessionId(): string | undefined {
    return this.#session.id;
  }

  /** The negotiated revision, sent as `MCP-Protocol-Version`. */
  get protocolVersion(): string | undefined {
    return this.#session.protocolVersion;
  }

  /** The endpoint's origin: the era a server speaks is remembered per origin, as the specification advises. */
  get eraCacheKey(): string {
    return this.#options.url.origin;
  }

  /** Told by the client the revision it negotiated; every later legacy request carries it (a 2026-07-28 request carries its own). */
  setProtocolVersion(version: string): void {
    this.#session.protocolVersion = version;
  }

  /** Makes the transport ready to send. HTTP needs no connection up front; nothing is sent. Call once. */
  async start(): Promise<void> {
    if (this.#state !== 'new') {
      throw transportError(
        this.#scope,
        'start() was already called on this transport; create a new StreamableHttpTransport to connect again',
      );
    }
    this.#state = 'open';
  }

  /**
   * POSTs a message. For a request, resolves once its response was delivered to `onmessage`,
   * and rejects, keeping the cause, if the answer fails before it: the client then fails that
   * request at once. For a notification or a response, resolves once the server accepted it.
   * `notifications/cancelled` for a 2026-07-28 request is not sent: the request's stream is
   * closed instead, which is how that revision cancels. A 2026-07-28 message carries
   * `options.parameterHeaders` as `Mcp-Param-*` headers.
   */
  send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#state === 'new') return Promise.reject(transportError(this.#scope, 'cannot send before start() has resolved'));
    if (this.#state === 'closed') return Promise.reject(this.#closedError());
    const method = 'method' in message ? message.method : undefined;
    const requestId = isRequest(message) ? message.id : undefined;
    let modern: PostOptions['modern'];
    try {
      if (isNotification(message) && message.method === 'notifications/cancelled' && this.#letGo(message.params?.requestId))
        return Promise.resolve();
      const version = modernVersion(message);
      if (version !== undefined && 'method' in message)
        modern = { headers: this.#modernHeaders.of(message, version, options?.parameterHeaders) };
    } catch (error) {
      return Promise.reject(error);
    }

    // No AbortController per message, and nothing linked to a signal that lives as long as
    // the transport: close() aborts the exchanges in flight itself.
    const exchange = new Exchange();
    const unfollow = options?.signal === undefined ? undefined : exchange.follow(options.signal);
    const key = this.#nextKey++;
    const post: Outgoing = { exchange, sink: this.#sink, modern, extraHeaders: options?.headers, key, unfollow, requestId, method };
    this.#inFlight.set(key, post);
    // The POST tells `#sent` or `#failed` before its promise settles: a message in flight holds
    // no continuation of the transport's.
    return postMessage(this.#context, message, post);
  }

  /** Forgets a message that was delivered; `notifications/initialized` opens the GET stream. */
  #sent(post: Outgoing): void {
    this.#forget(post);
    if (post.method === 'notifications/initialized') this.#openGetStream();
  }

  /** Forgets a message whose POST failed; returns the error its caller gets. */
  #failed(post: Outgoing, error: unknown): Error {
    // Forgotten first: the message must not stay in flight whatever making its error does.
    this.#forget(post);
    return this.#sendError(error, post.exchange, post.method);
  }

  #forget(post: Outgoing): void {
    post.unfollow?.();
    this.#inFlight.delete(post.key);
  }

  /**
   * Stops every stream, ends the session with a DELETE (waiting at most `closeTimeoutMs`;
   * 405 is fine), then calls `onclose()`. Safe to call twice; no reconnection happens after it.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown(undefined);
    return this.#closing;
  }

  readonly #sink: StreamSink = {
    message: (message) => this.#deliver(message),
    error: (error) => this.#reportError(error),
  };

  #deliver(message: JsonRpcMessage): void {
    if (this.#state !== 'open') return;
    this.#callbacks.message(message);
  }

  /**
   * The client gave up on a request: its answer is no longer wanted, so its stream is closed.
   * Returns true when that is the whole cancellation (2026-07-28), false when the server must
   * also be sent `notifications/cancelled` (the legacy revisions).
   */
  #letGo(requestId: unknown): boolean {
    if (typeof requestId !== 'string' && typeof requestId !== 'number') return false;
    const request = this.#lastSentRequest(requestId);
    request?.exchange.abort(new CancelledError('the client cancelled the request', { server: this.#options.name }));
    const version = this.#session.protocolVersion;
    return request === undefined ? version !== undefined && isModernProtocolVersion(version) : request.modern !== undefined;
  }

  /** The POST in flight of the request `requestId` sent last (an id is the client's to reuse once answered). */
  #lastSentRequest(requestId: RequestId): Outgoing | undefined {
    let found: Outgoing | undefined;
    for (const post of this.#inFlight.values()) if (post.requestId === requestId) found = post;
    return found;
  }

  #openGetStream(): void {
    if (this.#state !== 'open' || this.#getStream !== undefined) return;
    this.#getStream = new GetStream(this.#context, {
      ...this.#sink,
      info: (message) => this.#callbacks.diagnostic({ type: 'info', message }),
    });
    this.#getStream.start();
  }

  #renewSession(expired: string): Promise<void> {
    if (this.#renewal !== undefined) return this.#renewal;
    if (this.#session.id !== expired) return Promise.resolve();
    this.#renewal = this.#renew().finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal;
  }

  /**
   * Forgets the expired session and asks the client for a new one over this transport, which
   * sends `initialize` and `notifications/initialized` again (the latter opens the GET stream).
   * A failure closes the transport: its messages have no session to go to.
   */
  async #renew(): Promise<void> {
    this.#getStream?.stop();
    this.#getStream = undefined;
    this.#session.id = undefined;
    try {
      if (this.onsessionexpired === undefined) throw new Error('nothing set onsessionexpired to start one (McpClient does)');
      await this.onsessionexpired();
    } catch (error) {
      if (this.#state !== 'open') throw this.#closedError();
      const failure = transportError(this.#scope, `the session expired and a new one could not be started: ${messageOf(error)}`, {
        cause: error,
        isRetryable: true,
      });
      this.#fail(failure);
      throw failure;
    }
    this.#callbacks.diagnostic({
      type: 'info',
      message: 'the session expired (404); a new session was started and the request is sent again',
    });
  }

  /** Closes from this side after a failure that leaves the connection unusable. */
  #fail(reason: Error): void {
    this.#closing ??= this.#shutdown(reason);
  }

  async #shutdown(reason: Error | undefined): Promise<void> {
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    const closed = this.#closedError();
    for (const { exchange } of this.#inFlight.values()) exchange.abort(closed);
    this.#getStream?.stop();
    if (!wasOpen) return;
    if (reason === undefined) await this.#endSession();
    this.#callbacks.close(reason);
  }

  /** Sends the DELETE that ends the session on the server, if there is one; 405 means the server keeps it. */
  async #endSession(): Promise<void> {
    if (this.#session.id === undefined || this.#options.closeTimeoutMs === 0) return;
    const exchange = new Exchange();
    const timer = setTimeout(
      () => exchange.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      this.#options.closeTimeoutMs,
    );
    timer.unref();
    try {
      const { response, url } = await this.#context.http.send({ method: 'DELETE', headers: this.#session.headers(false), exchange });
      discard(response);
      if (!isOk(response.status) && response.status !== 405 && response.status !== 404) {
        this.#callbacks.diagnostic({ type: 'info', message: `ending the session: ${url.href} answered DELETE with ${response.status}` });
      }
    } catch (error) {
      this.#callbacks.diagnostic({ type: 'info', message: `ending the session failed: ${messageOf(error)}` });
    } finally {
      clearTimeout(timer);
    }
  }

  #sendError(error: unknown, exchange: Exchange, method: string | undefined): Error {
    if (exchange.aborted) {
      const reason: unknown = exchange.reason;
      if (McpxError.isInstance(reason)) return reason;
      if (this.#state === 'closed') return this.#closedError(method);
      return new CancelledError(messageOf(reason), { server: this.#options.name, method, cause: reason });
    }
    if (error instanceof Error) return error;
    return new TransportError(String(error), { target: this.description, server: this.#options.name, method });
  }

  #closedError(method?: string): ConnectionClosedError {
    return new ConnectionClosedError(`the transport to ${this.description} is closed`, { server: this.#options.name, method });
  }

  #reportError(error: Error): void {
    if (this.#state === 'open') this.#callbacks.error(error);
  }
}
