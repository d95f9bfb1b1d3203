import { CancelledError } from '../errors/cancelled-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { LocalError } from '../errors/local-error.js';
import { McpxError } from '../errors/mcpx-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { protocolErrorFrom } from '../errors/protocol-error-from.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { SettingNames } from '../errors/setting-names.js';
import { TransportError } from '../errors/transport-error.js';
import type { Transport, TransportSendOptions } from '../transport.js';
import { onAbort, reasonText } from '../util/abort-fanout.js';
import { checkOptions, type OptionKeys } from '../util/check-options.js';
import { DeadlineTimer, type DeadlineKind } from './deadline.js';
import { Dispatcher, type NotificationHandler, type RequestHandler } from './dispatch.js';
import { isNotification, isRequest, type JsonRpcMessage, type JsonRpcRequest, type JsonRpcResponse, type RequestId } from './messages.js';
import { withKey } from '../util/with-key.js';
import { PendingRequests, type PendingRequest, type Progress } from './pending.js';

/** Options of one outgoing request. */
export interface RequestOptions {
  /** Aborting it cancels the request: it rejects with `CancelledError` and the peer is told. */
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait for the response. @default 60000 */
  timeoutMs?: number | undefined;
  /** Whether each progress notification restarts the `timeoutMs`. @default true when `onprogress` is given */
  resetTimeoutOnProgress?: boolean | undefined;
  /** Hard cap in milliseconds, enforced whatever progress arrives. @default none */
  maxTotalTimeoutMs?: number | undefined;
  /** Receives progress notifications for this request. */
  onprogress?: ((progress: Progress) => void) | undefined;
  /** Told the id the request goes out with, for correlating what the peer sends about it. */
  onid?: ((id: RequestId) => void) | undefined;
}

/** Observes traffic, for events and metrics. Every hook is optional and must not throw. */
export interface EngineObserver {
  requestSent?(method: string, id: RequestId): void;
  requestSettled?(method: string, id: RequestId, durationMs: number, error: Error | undefined): void;
  /** Any valid message arrived, before it is dispatched (late answers to abandoned requests included). */
  messageReceived?(): void;
}

/** Options of a `JsonRpcEngine`. */
export interface EngineOptions {
  /** The server's name, for error messages. */
  server?: string | undefined;
  /** Default per-request timeout in milliseconds. @default 60000 */
  timeoutMs?: number | undefined;
  /** How timeout errors name the settings to raise. @default the `McpClient` option names */
  settingNames?: SettingNames | undefined;
  /** Traffic observer. */
  observer?: EngineObserver | undefined;
  /** Receives failures that are not tied to one request. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called once when the connection has ended. */
  onclose?: ((reason: Error | undefined) => void) | undefined;
  /**
   * The handler of an inbound request method shared by every engine given the same function (a
   * client's `ping` answer), so that each connection does not hold a table of its own; asked after
   * the handlers set with `setRequestHandler`. @default none
   */
  sharedRequestHandler?: ((method: string) => RequestHandler | undefined) | undefined;
}

const ENGINE_OPTION_KEYS = {
  server: true,
  timeoutMs: true,
  settingNames: { requestTimeoutMs: true, maxTotalTimeoutMs: true, connectTimeoutMs: true } satisfies OptionKeys<SettingNames>,
  observer: true,
  onerror: true,
  onclose: true,
  sharedRequestHandler: true,
} as const satisfies OptionKeys<EngineOptions>;

/** The default per-request timeout: 60 seconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * The JSON-RPC 2.0 engine over one transport: correlates responses, enforces timeouts,
 * cancels through `AbortSignal`, reports progress and dispatches inbound messages.
 */
export class JsonRpcEngine {
  private readonly pending = new PendingRequests();
  private readonly deadlines = new DeadlineTimer<RequestId>(
    (id, kind, ms) => this.expire(id, kind, ms),
    () => this.pending.deadlines(),
  );
  private readonly dispatcher: Dispatcher;
  private closeReason: Error | undefined;
  private closed = false;

  constructor(
    private readonly transport: Transport,
    private readonly options: EngineOptions = {},
  ) {
    checkOptions(options, ENGINE_OPTION_KEYS, { where: 'new JsonRpcEngine(transport, options)', server: options.server });
    if (options.sharedRequestHandler !== undefined && typeof options.sharedRequestHandler !== 'function') {
      throw new ConfigError(
        `new JsonRpcEngine(transport, options): sharedRequestHandler is not a function (got ${options.sharedRequestHandler === null ? 'null' : typeof options.sharedRequestHandler}); give a function from a method name to its handler, or leave it out`,
        { server: options.server },
      );
    }
    this.dispatcher = new Dispatcher(
      (response, id) => this.sendQuietly(response, id),
      (error) => this.options.onerror?.(error),
      options.server,
      options.sharedRequestHandler,
    );
    transport.onmessage = (message) => this.receive(message);
    transport.onerror = (error) => this.options.onerror?.(error);
    transport.onclose = (reason) => this.handleClose(reason);
  }

  /** True once the connection has ended. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** How many requests are waiting for a response. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Sends a request and resolves with its `result`; rejects with a typed mcpx error.
   * `sendOptions` go to `Transport.send` with the request (the headers a binding mirrors).
   */
  request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: RequestOptions = {},
    sendOptions?: TransportSendOptions,
  ): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(this.closedError(method));
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(new CancelledError(reasonText(signal.reason), { server: this.options.server, method }));
    const id = this.pending.allocateId();
    options.onid?.(id);
    const onprogress = options.onprogress;
    let message: JsonRpcRequest;
    try {
      const sentParams = onprogress ? withProgressToken(params, id) : params;
      message = sentParams === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params: sentParams };
    } catch (error) {
      return Promise.reject(error);
    }
    // The global `performance`, read where it is used: fake timers replace it.
    const startedAt = performance.now();
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const waitMs = Math.min(timeoutMs, options.maxTotalTimeoutMs ?? Infinity);
    // No closure of this method's: a request in flight holds its entry and the two callbacks
    // below, not this frame's params, options and send options.
    const answer = deferred<Record<string, unknown>>();
    const entry: PendingRequest = {
      id,
      method,
      startedAt,
      resolve: answer.resolve,
      reject: answer.reject,
      onprogress,
      resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? onprogress !== undefined,
      deadline: this.deadlines.start(id, timeoutMs, options.maxTotalTimeoutMs, startedAt),
      unsubscribeAbort: undefined,
    };
    this.pending.add(entry);
    try {
      if (signal) entry.unsubscribeAbort = this.cancelOnAbort(signal, id, method);
      this.options.observer?.requestSent?.(method, id);
    } catch (error) {
      // Not a send failure (a `signal` that is no AbortSignal, say): the request fails with it as it is.
      this.settle(id, undefined, error instanceof Error ? error : new Error(String(error)));
      return answer.promise;
    }
    const failed = this.failSend(id, method, waitMs, timeoutMs);
    let sent: Promise<void>;
    try {
      sent = this.transport.send(message, sendOptions === undefined ? { timeoutMs: waitMs } : withKey(sendOptions, 'timeoutMs', waitMs));
    } catch (error) {
      // A transport whose send() throws rather than rejecting fails the request as a rejected
      // send does, at once: nothing may cancel a request that was never sent.
      failed(error);
      return answer.promise;
    }
    // Promise.resolve: a send() of plain JavaScript may return something that is not a promise.
    Promise.resolve(sent).catch(failed);
    return answer.promise;
  }

  /** Settles request `id` when its send fails, with the error its caller gets. */
  private failSend(id: RequestId, method: string, waitMs: number, timeoutMs: number): (error: unknown) => void {
    return (error) => {
      this.settle(id, undefined, this.sendFailure(error, method, waitMs, timeoutMs));
    };
  }

  /** Gives up on request `id` when `signal` aborts; returns the unsubscriber. */
  private cancelOnAbort(signal: AbortSignal, id: RequestId, method: string): () => void {
    return onAbort(signal, (reason) => {
      const text = reasonText(reason);
      this.abandon(id, new CancelledError(text, { server: this.options.server, method, cause: reason }), text);
    });
  }

  /** Sends a notification. */
  async notify(method: string, params?: Record<string, unknown>): Promise<void> {
    if (this.closed) throw this.closedError(method);
    const message = params === undefined ? { jsonrpc: '2.0' as const, method } : { jsonrpc: '2.0' as const, method, params };
    try {
      await this.transport.send(message);
    } catch (error) {
      throw wrapSendError(error, { server: this.options.server, method });
    }
  }

  /** Registers the handler of an inbound request method, replacing any earlier one. */
  setRequestHandler(method: string, handler: RequestHandler): void {
    this.dispatcher.setRequestHandler(method, handler);
  }

  /** Adds a listener for an inbound notification method (`'*'` for every one); returns the remover. */
  onNotification(method: string, handler: NotificationHandler): () => void {
    return this.dispatcher.onNotification(method, handler);
  }

  /** Closes the transport; pending requests reject with `ConnectionClosedError`. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.transport.close();
    this.handleClose(undefined);
  }

  private expire(id: RequestId, kind: DeadlineKind, ms: number): void {
    const method = this.pending.get(id)?.method;
    const error = new RequestTimeoutError(ms, kind, { server: this.options.server, method, setting: this.settingFor(kind) });
    this.abandon(id, error, `timed out after ${ms} ms`);
  }

  /**
   * A request the transport failed. A binding's own deadline (gRPC's, from `timeoutMs` in the send
   * options) is reported as the engine's timer would have: which limit it was and the setting
   * that raises it, which the binding does not know.
   */
  private sendFailure(error: unknown, method: string, waitMs: number, idleMs: number): Error {
    const server = this.options.server;
    // A timeout of the transport's own (another limit than the wait it was told) is its to report.
    if (!RequestTimeoutError.isInstance(error) || error.timeoutMs !== waitMs) return wrapSendError(error, { server, method });
    const kind: DeadlineKind = waitMs < idleMs ? 'total' : 'idle';
    return new RequestTimeoutError(waitMs, kind, { server, method, setting: this.settingFor(kind), cause: error.cause ?? error });
  }

  private settingFor(kind: DeadlineKind): string | undefined {
    return kind === 'idle' ? this.options.settingNames?.requestTimeoutMs : this.options.settingNames?.maxTotalTimeoutMs;
  }

  private receive(message: JsonRpcMessage): void {
    this.options.observer?.messageReceived?.();
    if (isRequest(message)) {
      this.dispatcher.handleRequest(message);
    } else if (isNotification(message)) {
      if (message.method === 'notifications/progress') this.progress(message.params);
      this.dispatcher.handleNotification(message);
    } else {
      this.response(message);
    }
  }

  private response(response: JsonRpcResponse): void {
    const server = this.options.server === undefined ? {} : { server: this.options.server };
    const id = response.id;
    if (id === null) {
      if ('error' in response) this.options.onerror?.(new ProtocolError({ ...response.error, ...server }));
      return;
    }
    // Unknown ids (late answers to cancelled or timed-out requests) are dropped by design.
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    if ('error' in response) {
      const { code, message, data } = response.error;
      this.settle(id, undefined, protocolErrorFrom({ code, message, data, method: entry.method, ...server }));
    } else {
      this.settle(id, response.result, undefined);
    }
  }

  private progress(params: Record<string, unknown> | undefined): void {
    const token = params?.progressToken;
    if (typeof token !== 'string' && typeof token !== 'number') return;
    const entry = this.pending.get(token);
    if (entry?.onprogress === undefined || typeof params?.progress !== 'number') return;
    if (entry.resetTimeoutOnProgress) entry.deadline?.touch();
    entry.onprogress({
      progress: params.progress,
      total: typeof params.total === 'number' ? params.total : undefined,
      message: typeof params.message === 'string' ? params.message : undefined,
    });
  }

  private settle(id: RequestId, result: Record<string, unknown> | undefined, error: Error | undefined): PendingRequest | undefined {
    const entry = this.pending.take(id);
    if (entry === undefined) return undefined;
    this.options.observer?.requestSettled?.(entry.method, id, performance.now() - entry.startedAt, error);
    if (error !== undefined) entry.reject(error);
    else entry.resolve(result ?? {});
    return entry;
  }

  /** Gives up on a request locally and tells the peer, except for `initialize`, which is never cancelled. */
  private abandon(id: RequestId, error: Error, reason: string): void {
    const entry = this.settle(id, undefined, error);
    if (entry === undefined || entry.method === 'initialize' || this.closed) return;
    // A failed send is reported to onerror; the request is settled already either way.
    void this.sendQuietly({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason } });
  }

  /** Sends without failing the caller: a send error goes to `onerror`; settles once the transport has sent it. */
  private sendQuietly(message: JsonRpcMessage, relatedRequestId?: RequestId): Promise<void> {
    if (this.closed) return Promise.resolve();
    const report = (error: unknown): void => this.options.onerror?.(wrapSendError(error, { server: this.options.server }));
    try {
      return this.transport.send(message, { relatedRequestId }).catch(report);
    } catch (error) {
      // A transport whose send() throws rather than rejecting: reported the same way.
      report(error);
      return Promise.resolve();
    }
  }

  private handleClose(reason: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    this.deadlines.stop();
    for (const entry of this.pending.drain()) {
      const error = this.closedError(entry.method);
      this.options.observer?.requestSettled?.(entry.method, entry.id, performance.now() - entry.startedAt, error);
      entry.reject(error);
    }
    this.dispatcher.abortAll(this.closedError(undefined));
    this.options.onclose?.(reason);
  }

  private closedError(method: string | undefined): ConnectionClosedError {
    const reason = this.closeReason;
    const context = { server: this.options.server, method };
    if (reason === undefined) {
      return new ConnectionClosedError('the connection is closed; connect a new client to continue', context);
    }
    if (ConnectionClosedError.isInstance(reason)) {
      return new ConnectionClosedError('the connection closed before a response arrived', {
        ...context,
        exitCode: reason.exitCode,
        signal: reason.signal,
        stderrTail: reason.stderrTail,
        isRetryable: reason.isRetryable,
        cause: reason,
      });
    }
    const isRetryable = LocalError.isInstance(reason) ? reason.isRetryable : true;
    return new ConnectionClosedError(`the connection failed: ${reason.message}`, { ...context, cause: reason, isRetryable });
  }
}

function withProgressToken(params: Record<string, unknown> | undefined, token: RequestId): Record<string, unknown> {
  const meta = params?._meta;
  return { ...params, _meta: { ...(typeof meta === 'object' && meta !== null ? meta : {}), progressToken: token } };
}

function wrapSendError(error: unknown, context: { server?: string | undefined; method?: string | undefined }): Error {
  if (McpxError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(`could not send the message: ${message}`, { ...context, cause: error, isRetryable: true });
}

/** A promise and its settling functions, made apart from the caller so that its executor holds none of the caller's variables. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}
