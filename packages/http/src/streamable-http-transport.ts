import {
  CancelledError,
  ConnectionClosedError,
  McpxError,
  TransportError,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type RequestId,
  type Transport,
  type TransportDiagnostic,
  type TransportSendOptions,
} from '@mcpx/core';
import { isModernProtocolVersion, isNotification, isRequest, isResponse, TransportCallbacks } from '@mcpx/core/internal';
import { discard } from './body.js';
import type { StreamSink } from './consume.js';
import { messageOf, transportError, type ErrorScope } from './errors.js';
import { Exchange } from './exchange.js';
import { GetStream } from './get-stream.js';
import { HttpClient } from './http-client.js';
import { isOk } from './http-response.js';
import { modernHeaders, modernVersion } from './modern/request-headers.js';
import { ToolHeaders } from './modern/tool-headers.js';
import { resolveOptions, type ResolvedHttpOptions, type StreamableHttpTransportOptions } from './options.js';
import { postMessage, type PostContext, type PostOptions } from './post.js';
import { Session } from './session.js';

type State = 'new' | 'open' | 'closed';

/** A request in flight: what aborts its POST, and whether it is a 2026-07-28 request. */
interface InFlightRequest {
  exchange: Exchange;
  modern: boolean;
}

/**
 * The Streamable HTTP transport of MCP: every message is a POST to the endpoint, answered
 * with JSON or an SSE stream. For revisions 2025-03-26 to 2025-11-25 a GET stream carries
 * what the server sends on its own; the transport keeps the session (renewing it once when
 * it expires) and resumes streams from their last event id. A 2026-07-28 message (one whose
 * `_meta` names its revision) is sent statelessly with the `MCP-Protocol-Version`,
 * `Mcp-Method`, `Mcp-Name` and `Mcp-Param-*` headers, and cancelled by closing its stream.
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
  /** The endpoint URL, for error messages. */
  readonly description: string;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedHttpOptions;
  readonly #scope: ErrorScope;
  readonly #session = new Session();
  /** What stops the transport's own requests (a session renewal) on close. */
  readonly #lifetime = new Exchange();
  /** The exchanges of every message in flight, all aborted on close. */
  readonly #inFlight = new Set<Exchange>();
  /** The requests in flight, by request id, so a cancellation can let go of their stream. */
  readonly #requests = new Map<RequestId, InFlightRequest>();
  /** The `x-mcp-header` annotations of the tools listed so far (2026-07-28). */
  readonly #tools = new ToolHeaders();
  readonly #context: PostContext;
  #state: State = 'new';
  #getStream: GetStream | undefined;
  #renewal: Promise<void> | undefined;
  #renewals = 0;
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
      throw transportError(this.#scope, 'start() was already called on this transport; create a new StreamableHttpTransport to connect again');
    }
    this.#state = 'open';
  }

  /**
   * POSTs a message. For a request, resolves once its response was delivered to `onmessage`,
   * and rejects, keeping the cause, if the answer fails before it: the client then fails that
   * request at once. For a notification or a response, resolves once the server accepted it.
   * `notifications/cancelled` for a 2026-07-28 request is not sent: the request's stream is
   * closed instead, which is how that revision cancels.
   */
  async send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#state === 'new') throw transportError(this.#scope, 'cannot send before start() has resolved');
    if (this.#state === 'closed') throw this.#closedError();
    const method = 'method' in message ? message.method : undefined;
    const requestId = isRequest(message) ? message.id : undefined;
    if (isRequest(message) && message.method === 'initialize') this.#session.initializeParams = message.params;
    if (isNotification(message) && message.method === 'notifications/cancelled' && this.#letGo(message.params?.requestId)) return;
    let modern: PostOptions['modern'];
    let sink = this.#sink;
    const version = modernVersion(message);
    if (version !== undefined && 'method' in message) {
      if (isRequest(message) && message.method === 'tools/call') this.#checkCallable(message);
      modern = { headers: modernHeaders(message, version, this.#tools) };
      if (isRequest(message) && message.method === 'tools/list') sink = this.#toolListSink(message.id);
    }

    // No AbortController per message, and nothing linked to a signal that lives as long as
    // the transport: close() aborts the exchanges in flight itself.
    const exchange = new Exchange();
    const unfollow = options?.signal === undefined ? undefined : exchange.follow(options.signal);
    this.#inFlight.add(exchange);
    let request: InFlightRequest | undefined;
    if (requestId !== undefined) {
      request = { exchange, modern: modern !== undefined };
      this.#requests.set(requestId, request);
    }
    try {
      await postMessage(this.#context, message, { exchange, sink, modern });
    } catch (error) {
      throw this.#sendError(error, exchange, method);
    } finally {
      unfollow?.();
      this.#inFlight.delete(exchange);
      if (requestId !== undefined && this.#requests.get(requestId) === request) this.#requests.delete(requestId);
    }
    if (method === 'notifications/initialized') {
      this.#session.initialized = true;
      this.#openGetStream();
    }
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
    const request = this.#requests.get(requestId);
    request?.exchange.abort(new CancelledError('the client cancelled the request', { server: this.#options.name }));
    const version = this.#session.protocolVersion;
    return request?.modern ?? (version !== undefined && isModernProtocolVersion(version));
  }

  /** Refuses, before anything is sent, a call of a tool whose `x-mcp-header` annotations break the rules. */
  #checkCallable(message: JsonRpcRequest): void {
    const tool = message.params?.name;
    const problem = typeof tool === 'string' ? this.#tools.problem(tool) : undefined;
    if (problem === undefined) return;
    throw transportError(
      this.#scope,
      `the tool ${JSON.stringify(tool)} was not called: ${problem}. Over Streamable HTTP a 2026-07-28 client must not use a tool whose x-mcp-header annotations break the rules, so it was left out of tools/list; the server must fix the tool's inputSchema`,
      { method: 'tools/call' },
    );
  }

  /** Delivers the answer of a 2026-07-28 `tools/list`, learning its tools and leaving out those that break the x-mcp-header rules. */
  #toolListSink(id: RequestId): StreamSink {
    return {
      ...this.#sink,
      message: (message) => {
        if (!isResponse(message) || message.id !== id) return this.#deliver(message);
        const { response, excluded } = this.#tools.learn(message);
        for (const { name, problem } of excluded) {
          this.#callbacks.diagnostic({ type: 'info', message: `the tool ${JSON.stringify(name)} was left out of tools/list and will not be called: ${problem}` });
        }
        this.#deliver(response);
      },
    };
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

  /** Replays the client's `initialize` (with a fresh id, its result kept from the client) and `notifications/initialized`. */
  async #renew(): Promise<void> {
    const session = this.#session;
    this.#getStream?.stop();
    this.#getStream = undefined;
    session.id = undefined;
    try {
      if (session.initializeParams === undefined) throw new Error('no initialize request was seen to replay');
      const id = `mcpx-http-renew-${++this.#renewals}`;
      let answer: JsonRpcMessage | undefined;
      const sink: StreamSink = {
        message: (message) => {
          if (isResponse(message) && message.id === id) answer = message;
          else this.#deliver(message);
        },
        error: (error) => this.#reportError(error),
      };
      const exchange = this.#lifetime;
      await postMessage(this.#context, { jsonrpc: '2.0', id, method: 'initialize', params: session.initializeParams }, { exchange, sink, renewing: true });
      if (answer === undefined || !('result' in answer)) {
        throw new Error(answer !== undefined && 'error' in answer ? `the server refused initialize: ${answer.error.message}` : 'the server did not answer initialize');
      }
      const version = answer.result.protocolVersion;
      if (session.protocolVersion !== undefined && version !== session.protocolVersion) {
        throw new Error(`the new session speaks protocol revision ${String(version)}, the client negotiated ${session.protocolVersion}`);
      }
      if (session.initialized) await postMessage(this.#context, { jsonrpc: '2.0', method: 'notifications/initialized' }, { exchange, sink, renewing: true });
    } catch (error) {
      if (this.#state !== 'open') throw this.#closedError();
      const failure = transportError(this.#scope, `the session expired and a new one could not be started: ${messageOf(error)}`, { cause: error, isRetryable: true });
      this.#fail(failure);
      throw failure;
    }
    this.#callbacks.diagnostic({ type: 'info', message: 'the session expired (404); a new session was started and the request is sent again' });
    if (session.initialized) this.#openGetStream();
  }

  /** Closes from this side after a failure that leaves the connection unusable. */
  #fail(reason: Error): void {
    this.#closing ??= this.#shutdown(reason);
  }

  async #shutdown(reason: Error | undefined): Promise<void> {
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    const closed = this.#closedError();
    this.#lifetime.abort(closed);
    for (const exchange of this.#inFlight) exchange.abort(closed);
    this.#getStream?.stop();
    if (!wasOpen) return;
    if (reason === undefined) await this.#endSession();
    this.#callbacks.close(reason);
  }

  /** Sends the DELETE that ends the session on the server, if there is one; 405 means the server keeps it. */
  async #endSession(): Promise<void> {
    if (this.#session.id === undefined || this.#options.closeTimeoutMs === 0) return;
    const exchange = new Exchange();
    const timer = setTimeout(() => exchange.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), this.#options.closeTimeoutMs);
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
