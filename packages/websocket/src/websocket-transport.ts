import {
  ConnectionClosedError,
  TransportError,
  type JsonRpcMessage,
  type Transport,
  type TransportDiagnostic,
  type TransportSendOptions,
} from '@mcpx/core';
import { TransportCallbacks } from '@mcpx/core/internal';
import type WebSocket from 'ws';
import { closeCodeError } from './close-codes.js';
import { decodeFrame, encodeMessage } from './framing.js';
import { openWebSocket } from './handshake.js';
import { Heartbeat } from './heartbeat.js';
import { describeUrl, resolveOptions, type ResolvedWebSocketOptions, type WebSocketTransportOptions } from './options.js';

/** `open`: talking. `closing`: a close frame is out, or the socket is being cut. `closed`: over (or never opened). */
type State = 'new' | 'starting' | 'open' | 'closing' | 'closed';

/** How the WebSocket ended: the close code and reason (1006 and `''` when it dropped without a close frame). */
export interface WebSocketCloseInfo {
  code: number;
  reason: string;
}

/**
 * Talks to an MCP server over a WebSocket: the `mcp` subprotocol, one JSON-RPC message per
 * text frame, as the official SDK's WebSocket transport did. Pings the server to notice a
 * dead connection, and maps close codes to typed errors. It never reconnects by itself:
 * after `onclose`, make a new transport (the error's `isRetryable` says whether to try).
 *
 * @example
 * const client = new McpClient({ name: 'my-app' });
 * await client.connect(new WebSocketTransport('wss://mcp.example.com/ws', { authProvider: bearerAuth(token) }));
 */
export class WebSocketTransport implements Transport {
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not close the connection, such as an invalid message, and before a failure that does. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called exactly once after an open connection ended; with a reason unless `close()` ended it. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with steps of the shutdown worth knowing, such as a socket cut after an unanswered close frame. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** The URL (without its password), for error messages. */
  readonly description: string;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedWebSocketOptions;
  readonly #abort = new AbortController();
  #state: State = 'new';
  #socket: WebSocket | undefined;
  #heartbeat: Heartbeat | undefined;
  #starting: Promise<void> | undefined;
  #closed: Promise<void> = Promise.resolve();
  /** Why the connection is ending, when this side decided it because something failed. */
  #failure: Error | undefined;
  /** Why the connection ended, for sends made afterwards; undefined when `close()` ended it. */
  #reason: Error | undefined;
  #closeInfo: WebSocketCloseInfo | undefined;

  /** Checks the options (throwing a `ConfigError`); nothing connects before `start()`. */
  constructor(url: string | URL, options: WebSocketTransportOptions = {}) {
    this.#options = resolveOptions(url, options);
    this.description = describeUrl(this.#options.url);
  }

  /** The close code and reason, once the connection has ended. */
  get closeInfo(): WebSocketCloseInfo | undefined {
    return this.#closeInfo;
  }

  /**
   * Opens the WebSocket; resolves once the server accepted the upgrade and the `mcp`
   * subprotocol. Rejects with an `AuthError` on a refused 401/403, a `TransportError` on any
   * other failure (with `status` for a non-101 answer), or a `ConnectionClosedError` when
   * `close()` is called first. Call once.
   */
  start(): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        new TransportError(
          `start() was already called on the transport to ${this.description}; create a new WebSocketTransport to connect again`,
          this.#scope(),
        ),
      );
    }
    this.#state = 'starting';
    const options = this.#options;
    const { url, headers, authProvider, tls, maxPayload, handshakeTimeoutMs: timeoutMs, closeTimeoutMs } = options;
    this.#starting = openWebSocket(
      { ...this.#scope(), url, headers, authProvider, tls, maxPayload, timeoutMs, closeTimeoutMs, signal: this.#abort.signal },
      (socket) => this.#attach(socket),
    ).then(
      () => undefined,
      (error: unknown) => {
        this.#state = 'closed';
        throw error;
      },
    );
    return this.#starting;
  }

  /** Sends one message as a text frame; resolves once it is handed to the socket. */
  send(message: JsonRpcMessage, options: TransportSendOptions = {}): Promise<void> {
    if (this.#state === 'new' || this.#state === 'starting') {
      return Promise.reject(new TransportError('cannot send before start() has resolved', this.#scope()));
    }
    const socket = this.#socket;
    if (this.#state !== 'open' || socket === undefined) return Promise.reject(this.#closedError());
    if (options.signal?.aborted === true) return Promise.reject(options.signal.reason);
    let text: string;
    try {
      text = encodeMessage(message);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return Promise.reject(new TransportError(`the message could not be serialised as JSON: ${why}`, { ...this.#scope(), cause: error }));
    }
    return new Promise((resolve, reject) => {
      socket.send(text, (error) => (error == null ? resolve() : reject(this.#closedError(error))));
    });
  }

  /**
   * Closes the connection: sends a close frame (1000), waits `closeTimeoutMs` for the server's
   * answer, then cuts the socket. Resolves once it is closed. Safe to call twice; during
   * `start()`, gives up the handshake.
   */
  async close(): Promise<void> {
    if (this.#state === 'new') this.#state = 'closed';
    if (this.#state === 'starting') {
      this.#abort.abort();
      // start() reports its own failure to its caller; close() only waits for it to end.
      await this.#starting?.catch(() => undefined);
    }
    if (this.#state === 'open') this.#shutdown(undefined, 'close');
    return this.#closed;
  }

  #attach(socket: WebSocket): void {
    this.#socket = socket;
    this.#state = 'open';
    this.#closed = new Promise((resolve) => {
      socket.once('close', (code: number, reason: Buffer) => {
        this.#onClosed(code, reason.toString('utf8'));
        resolve();
      });
    });
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => this.#onFrame(data, isBinary));
    socket.on('error', (error: Error) => this.#onSocketError(error));
    const { heartbeatIntervalMs, pongTimeoutMs } = this.#options;
    if (heartbeatIntervalMs === 0) return;
    this.#heartbeat = new Heartbeat(socket, {
      intervalMs: heartbeatIntervalMs,
      pongTimeoutMs,
      onMissedPong: () => {
        const message = `the server at ${this.description} stopped answering pings (no pong within ${pongTimeoutMs} ms), so the connection was cut; the server or the network may be down, connect again`;
        this.#shutdown(new ConnectionClosedError(message, { server: this.#options.name }), 'terminate');
      },
    });
    this.#heartbeat.start();
  }

  #onFrame(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.#state !== 'open') return;
    const { messages, problems } = decodeFrame(data, isBinary);
    for (const problem of problems) this.#callbacks.error(new TransportError(problem, this.#scope()));
    for (const message of messages) {
      if (this.#state !== 'open') return;
      this.#callbacks.message(message);
    }
  }

  /** After the upgrade `ws` emits errors only for bad frames from the server; it has already sent a close frame. */
  #onSocketError(error: Error): void {
    const code = (error as { code?: unknown }).code;
    let reason: Error;
    if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      const limit = this.#options.maxPayload;
      const message = `the server at ${this.description} sent a message larger than maxPayload (${limit} bytes), so the connection was closed; raise maxPayload if the server really sends messages this large`;
      const tooLarge = new TransportError(message, { ...this.#scope(), cause: error });
      this.#callbacks.error(tooLarge);
      reason = new ConnectionClosedError(message, { server: this.#options.name, cause: tooLarge });
    } else {
      reason = new TransportError(
        `the server at ${this.description} sent an invalid WebSocket frame (${error.message}), so the connection was closed`,
        {
          ...this.#scope(),
          cause: error,
        },
      );
      this.#callbacks.error(reason);
    }
    this.#shutdown(reason, 'close');
  }

  /** Ends the connection from this side: `failure` undefined when `close()` asked for it. */
  #shutdown(failure: Error | undefined, how: 'close' | 'terminate'): void {
    const socket = this.#socket;
    if (this.#state !== 'open' || socket === undefined) return;
    this.#state = 'closing';
    this.#failure = failure;
    this.#heartbeat?.stop();
    if (how === 'terminate') {
      socket.terminate();
      return;
    }
    // `ws` cuts the socket if the server has not closed it `closeTimeoutMs` after our close frame.
    socket.close(1000);
  }

  #onClosed(code: number, reason: string): void {
    this.#heartbeat?.stop();
    this.#closeInfo = { code, reason };
    const endedByServer = this.#state === 'open';
    if (!endedByServer && this.#failure === undefined && code === 1006) {
      const timeoutMs = this.#options.closeTimeoutMs;
      this.#callbacks.diagnostic({
        type: 'info',
        message: `the server did not answer the close frame within ${timeoutMs} ms, so the connection was cut`,
      });
    }
    this.#state = 'closed';
    this.#reason = endedByServer ? closeCodeError(code, reason, this.#scope()) : this.#failure;
    this.#callbacks.close(this.#reason);
  }

  #scope(): { target: string; server: string | undefined } {
    return { target: this.description, server: this.#options.name };
  }

  /** The error of a send on a closed connection, naming why it closed. */
  #closedError(cause?: unknown): ConnectionClosedError {
    const reason = this.#reason ?? this.#failure;
    // The reason's message already starts with the server's name, which this error adds again.
    const prefix = this.#options.name === undefined ? '' : `server "${this.#options.name}": `;
    const why = reason === undefined ? '' : `: ${reason.message.startsWith(prefix) ? reason.message.slice(prefix.length) : reason.message}`;
    return new ConnectionClosedError(`the WebSocket to ${this.description} is closed${why}`, {
      server: this.#options.name,
      cause: cause ?? reason,
    });
  }
}
