import {
  AuthError,
  ConnectionClosedError,
  TransportError,
  type JsonRpcMessage,
  type Transport,
  type TransportDiagnostic,
  type TransportSendOptions,
} from '@mcpx/core';
import { TransportCallbacks } from '@mcpx/core/internal';
import { Exchange, HttpClient, isOk } from '@mcpx/http/request';
import { Agent } from 'undici';
import { EndpointGate } from './endpoint-gate.js';
import { EventStreamConnection, type ConnectionCallbacks, type StreamDrop } from './event-stream-connection.js';
import { httpStatusError } from './http-error.js';
import { httpSettings } from './http-settings.js';
import { decodeMessageData } from './message-data.js';
import { resolveOptions, type ResolvedReconnect, type ResolvedSseOptions, type SseTransportOptions } from './options.js';
import { giveUpError, reopenedWarning, type ErrorSite } from './reconnect-errors.js';
import { pause, reconnectDelay } from './reconnect-policy.js';
import { discardBody } from './response-body.js';

/**
 * `open`: a stream is up and its endpoint known. `reconnecting`: the stream dropped and is
 * being reopened; sends wait. `closed`: over (or never started).
 */
type State = 'new' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The headers of every POST, one frozen record so the request layer merges them once. */
const POST_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

/**
 * The legacy HTTP+SSE transport of MCP 2024-11-05: the server's messages arrive on one
 * event stream (a GET), the client's go out as POSTs to the endpoint the stream announces.
 * For servers that speak nothing newer; prefer Streamable HTTP (`@mcpx/http`) when they do.
 *
 * @example
 * const client = new McpClient({ name: 'my-app' });
 * await client.connect(new SseTransport('http://127.0.0.1:3001/sse'));
 */
export class SseTransport implements Transport {
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not close the connection (an invalid message, a reopened stream), and before `onclose` when giving up. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called exactly once after an open connection ended; with a reason unless `close()` ended it. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with reconnection steps and skipped events. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** The URL of the event stream, for error messages. */
  readonly description: string;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedSseOptions;
  readonly #gate = new EndpointGate();
  /** Aborted when the transport closes: stops the stream, the POSTs in flight and the reconnection loop. */
  readonly #closer = new AbortController();
  #state: State = 'new';
  #http: HttpClient | undefined;
  #ownAgent: Agent | undefined;
  #connection: EventStreamConnection | undefined;
  #lastEventId: string | undefined;
  #serverRetryMs: number | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  /** Checks the URL and options (throwing a `ConfigError`); nothing is requested before `start()`. */
  constructor(url: string | URL, options: SseTransportOptions = {}) {
    this.#options = resolveOptions(url, options);
    this.description = this.#options.url.href;
  }

  /** The URL messages are POSTed to, as the server announced it; `undefined` while there is none. */
  get endpoint(): string | undefined {
    return this.#gate.endpoint?.href;
  }

  /**
   * Opens the event stream; resolves once the server has announced its endpoint. Rejects with
   * a `TransportError` (with the HTTP `status` when there was one) or an `AuthError` when the
   * GET fails, and with a `TransportError` when no endpoint arrives within `endpointTimeoutMs`.
   */
  start(): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        new TransportError(
          `start() was already called on the transport for ${this.description}; create a new SseTransport to connect again`,
          this.#errorOptions(),
        ),
      );
    }
    this.#state = 'connecting';
    // undici's default agent cuts a body idle for 300 s, and an event stream may well be idle that long.
    if (this.#options.fetch === undefined && this.#options.dispatcher === undefined) this.#ownAgent = new Agent({ bodyTimeout: 0 });
    this.#http = new HttpClient(httpSettings(this.#options, this.#ownAgent), this.#site());
    this.#starting = this.#begin();
    return this.#starting;
  }

  /**
   * POSTs a message to the endpoint; resolves once the server accepted it (any 2xx, usually
   * 202). While a dropped stream is reopened, waits for the new endpoint. Rejects with a
   * `TransportError` carrying the status when the server refuses it, and with a
   * `ConnectionClosedError` when the transport closes first.
   */
  async send(message: JsonRpcMessage, options: TransportSendOptions = {}): Promise<void> {
    const http = this.#http;
    // The gate of a closed transport rejects with why it closed.
    if (this.#state === 'closed') return this.#gate.wait().then(() => undefined);
    if (this.#state === 'new' || this.#state === 'connecting' || http === undefined) {
      throw new TransportError('cannot send before start() has resolved', this.#errorOptions());
    }
    let body: string;
    try {
      body = JSON.stringify(message);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new TransportError(`the message could not be serialised as JSON: ${why}`, this.#errorOptions(error));
    }
    const endpoint = await this.#gate.wait(options.signal);
    // What stops the POST: close(), or the caller's signal.
    const exchange = new Exchange();
    const unlinkClose = exchange.follow(this.#closer.signal);
    const unlinkCaller = options.signal === undefined ? undefined : exchange.follow(options.signal);
    const unlink = (): void => {
      unlinkClose();
      unlinkCaller?.();
    };
    try {
      const { response, url } = await http.send({
        method: 'POST',
        url: endpoint,
        headers: POST_HEADERS,
        extraHeaders: options.headers,
        body,
        exchange,
      });
      if (!isOk(response.status)) throw await httpStatusError(response, 'POST', url, this.#options.name);
      // Accepted: the answer comes on the stream. The body ("Accepted") is drained meanwhile, so the socket can be reused.
      void discardBody(response).finally(unlink);
    } catch (error) {
      unlink();
      throw error;
    }
  }

  /** Closes the stream and fails the sends still pending. Safe to call twice; `onclose()` follows once, without a reason. */
  async close(): Promise<void> {
    if (this.#state === 'new') {
      this.#state = 'closed';
      this.#gate.fail(this.#closedError(undefined));
      return;
    }
    if (this.#state === 'connecting') {
      this.#closer.abort(
        new ConnectionClosedError(
          `the transport was closed before the connection to ${this.description} was established`,
          this.#errorOptions(),
        ),
      );
      // start() reports its own failure to its caller; close() only waits for it to end.
      await this.#starting?.catch(() => undefined);
      return;
    }
    if (this.#closing) return this.#closing;
    if (this.#state === 'closed') return;
    return this.#shutdown(undefined);
  }

  async #begin(): Promise<void> {
    try {
      const connection = await this.#open();
      // close() may have come between the endpoint event and here.
      if (this.#closer.signal.aborted) {
        connection.abort(this.#closer.signal.reason as Error);
        throw this.#closer.signal.reason;
      }
      this.#state = 'open';
      this.#adopt(connection);
    } catch (error) {
      this.#state = 'closed';
      this.#gate.fail(this.#closedError(error instanceof Error ? error : undefined));
      await this.#releaseAgent();
      throw error;
    }
  }

  #open(): Promise<EventStreamConnection> {
    const http = this.#http;
    if (http === undefined) throw new Error('unreachable: opened before start()');
    const settings = {
      http,
      url: this.#options.url,
      endpointTimeoutMs: this.#options.endpointTimeoutMs,
      maxEventBytes: this.#options.maxEventBytes,
      server: this.#options.name,
    };
    return EventStreamConnection.open(settings, this.#connectionCallbacks(), this.#lastEventId, this.#closer.signal);
  }

  #connectionCallbacks(): ConnectionCallbacks {
    return {
      onMessageData: (data) => this.#onMessageData(data),
      onEventId: (id) => {
        // An empty id resets the last event id: nothing to resume from.
        this.#lastEventId = id === '' ? undefined : id;
      },
      onRetry: (ms) => {
        this.#serverRetryMs = ms;
      },
      onEndpoint: (endpoint) => {
        if (this.#state !== 'open') return;
        this.#gate.open(endpoint);
        this.#diagnose(`the server moved its message endpoint to ${endpoint.href}`);
      },
      onSkipped: (message) => this.#diagnose(message),
    };
  }

  #adopt(connection: EventStreamConnection): void {
    this.#connection = connection;
    this.#gate.open(connection.endpoint);
    // dropped never rejects: how the stream ended, failed or not, is its value.
    void connection.dropped.then((drop) => this.#onDrop(connection, drop));
  }

  #onDrop(connection: EventStreamConnection, drop: StreamDrop): void {
    if (this.#connection !== connection || this.#state !== 'open') return;
    this.#connection = undefined;
    this.#gate.shut();
    const policy = this.#options.reconnect;
    if (policy === false || !drop.error.isRetryable) {
      this.#giveUp(drop.error);
      return;
    }
    if (drop.serverFault) this.#callbacks.error(drop.error);
    this.#state = 'reconnecting';
    // It never rejects: every way it fails ends in #giveUp, which reports the error.
    void this.#reconnect(policy, drop.error);
  }

  /** Reopens the stream until it works, the policy gives up, or the transport closes. Requests in flight are not replayed. */
  async #reconnect(policy: ResolvedReconnect, dropError: TransportError): Promise<void> {
    let last: Error = dropError;
    for (let attempt = 0; ; attempt++) {
      const delay = reconnectDelay(policy, attempt, this.#serverRetryMs);
      if (delay === undefined) {
        this.#giveUp(giveUpError(last, attempt, this.#site()));
        return;
      }
      this.#diagnose(`${last.message}; reconnecting in ${delay} ms (attempt ${attempt + 1} of at most ${policy.maxRetries})`);
      if (!(await pause(delay, this.#closer.signal))) return;
      try {
        const connection = await this.#open();
        if (this.#isClosed()) {
          connection.abort(this.#closer.signal.reason as Error);
          return;
        }
        this.#state = 'open';
        this.#adopt(connection);
        this.#callbacks.error(reopenedWarning(dropError, attempt + 1, this.#lastEventId, this.#site()));
        return;
      } catch (error) {
        if (this.#state !== 'reconnecting') return;
        last = error instanceof Error ? error : new Error(String(error));
        if (AuthError.isInstance(error) || !TransportError.isInstance(error) || !error.isRetryable) {
          this.#giveUp(giveUpError(last, attempt + 1, this.#site()));
          return;
        }
      }
    }
  }

  #giveUp(error: Error): void {
    if (this.#state === 'closed') return;
    this.#callbacks.error(error);
    // It does not reject: the close is reported through the callbacks.
    void this.#shutdown(error);
  }

  #shutdown(reason: Error | undefined): Promise<void> {
    this.#closing ??= this.#stop(reason);
    return this.#closing;
  }

  async #stop(reason: Error | undefined): Promise<void> {
    this.#state = 'closed';
    const closed = this.#closedError(reason);
    this.#closer.abort(closed);
    this.#gate.fail(closed);
    this.#connection?.abort(closed);
    this.#connection = undefined;
    await this.#releaseAgent();
    this.#callbacks.close(reason);
  }

  async #releaseAgent(): Promise<void> {
    const agent = this.#ownAgent;
    this.#ownAgent = undefined;
    await agent?.destroy().catch((error: unknown) => this.#callbacks.error(error));
  }

  #onMessageData(data: string): void {
    if (this.#state === 'closed') return;
    const { messages, problems } = decodeMessageData(data);
    for (const problem of problems) {
      const shown = data.length > 200 ? `${data.slice(0, 200)}…` : data;
      this.#callbacks.error(
        new TransportError(
          `the server sent an invalid JSON-RPC message on ${this.description}, skipped: ${problem}. The data: ${shown}`,
          this.#errorOptions(),
        ),
      );
    }
    for (const message of messages) {
      if (this.#isClosed()) return;
      this.#callbacks.message(message);
    }
  }

  /** Read through a method: the state changes under callbacks, which narrowing does not see. */
  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  #closedError(reason: Error | undefined): ConnectionClosedError {
    const why = reason === undefined ? 'the transport was closed' : reason.message;
    return new ConnectionClosedError(`the connection to ${this.description} is closed: ${why}`, {
      server: this.#options.name,
      ...(reason === undefined ? {} : { cause: reason }),
    });
  }

  #diagnose(message: string): void {
    this.#callbacks.diagnostic({ type: 'info', message });
  }

  #site(): ErrorSite {
    return { target: this.description, server: this.#options.name };
  }

  #errorOptions(cause?: unknown): { target: string; server: string | undefined; cause?: unknown } {
    return { target: this.description, server: this.#options.name, ...(cause === undefined ? {} : { cause }) };
  }
}
