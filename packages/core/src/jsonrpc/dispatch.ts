import { ProtocolError, ErrorCode } from '../errors/protocol-error.js';
import type { JsonRpcErrorObject, JsonRpcNotification, JsonRpcRequest, JsonRpcResponse, RequestId } from './messages.js';

/** What a handler of an inbound request gets besides the params. */
export interface InboundRequestContext {
  /** The id the peer gave the request; for a 2026-07-28 `input_required` round, the input request's key (see `inputKey`). */
  requestId: RequestId;
  /**
   * The key of the input request in a 2026-07-28 `input_required` result's `inputRequests`, when
   * the request came that way rather than as a JSON-RPC request: `requestId` is then that key, not
   * a JSON-RPC id. @default undefined: a JSON-RPC request
   */
  inputKey?: string | undefined;
  /** The method called. */
  method: string;
  /** Aborted when the peer cancels the request or the connection closes. */
  signal: AbortSignal;
  /** The `_meta` the peer sent with the request, if any. */
  meta: Record<string, unknown> | undefined;
  /** The server that asked, as the client names it (its `server` option), when known. */
  server?: string | undefined;
}

/** For each inbound request being handled, resolved once its response was handed to the transport (or none was sent). */
const responses = new WeakMap<InboundRequestContext, Promise<void>>();

/**
 * Resolves once the response to the request `context` belongs to has been sent (the transport's
 * `send` settled), or the request ended without one: something a handler starts that must reach
 * the peer after its answer (a task's status notification after the `CreateTaskResult`, which
 * Streamable HTTP carries in a separate POST) waits for it. Resolves at once for a context the
 * dispatcher did not make.
 */
export function responseSent(context: InboundRequestContext): Promise<void> {
  return responses.get(context) ?? Promise.resolve();
}

/** Answers one inbound request; throw a `ProtocolError` to answer with its code. */
export type RequestHandler = (
  params: Record<string, unknown>,
  context: InboundRequestContext,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Receives one inbound notification. */
export type NotificationHandler = (params: Record<string, unknown>, method: string) => void;

/** Routes inbound requests and notifications to registered handlers. */
export class Dispatcher {
  /** The handlers set on this dispatcher; made by the first, since most connections only answer the shared ones. */
  private requestHandlers: Map<string, RequestHandler> | undefined;
  /**
   * The listeners of each notification method but `'*'`: the one listener itself while there is
   * one, a `Set` from the second on. Made by the first listener.
   */
  private notificationHandlers: Map<string, Listening> | undefined;
  /** The listeners of every notification (`'*'`), as in `notificationHandlers`: every client has one. */
  private anyHandlers: Listening | undefined;
  /** The inbound requests being handled; made by the first one, since many connections get none. */
  private inFlight: Map<RequestId, AbortController> | undefined;

  constructor(
    /** Sends a response; the promise, when given, settles once the transport has sent it. */
    private readonly respond: (response: JsonRpcResponse, requestId: RequestId) => Promise<void> | void,
    private readonly report: (error: Error) => void,
    private readonly server?: string | undefined,
    /** The handler shared by many dispatchers of a method, asked after this one's own. */
    private readonly sharedHandler?: ((method: string) => RequestHandler | undefined) | undefined,
  ) {}

  setRequestHandler(method: string, handler: RequestHandler): void {
    (this.requestHandlers ??= new Map<string, RequestHandler>()).set(method, handler);
  }

  /** Adds a listener for one notification method (`'*'` for all); returns the remover. */
  onNotification(method: string, handler: NotificationHandler): () => void {
    if (method === '*') {
      this.anyHandlers = adding(this.anyHandlers, handler);
      return () => {
        this.anyHandlers = removing(this.anyHandlers, handler);
      };
    }
    const handlers = (this.notificationHandlers ??= new Map<string, Listening>());
    handlers.set(method, adding(handlers.get(method), handler));
    return () => {
      const left = removing(handlers.get(method), handler);
      if (left === undefined) handlers.delete(method);
      else handlers.set(method, left);
    };
  }

  handleRequest(request: JsonRpcRequest): void {
    const handler = this.requestHandlers?.get(request.method) ?? this.sharedHandler?.(request.method);
    if (handler === undefined) {
      // A failed send goes to onerror; nothing waits for this response.
      void this.respondError(request.id, { code: ErrorCode.MethodNotFound, message: `Method not found: ${request.method}` });
      return;
    }
    const controller = new AbortController();
    const inFlight = (this.inFlight ??= new Map<RequestId, AbortController>());
    inFlight.set(request.id, controller);
    const params = request.params ?? {};
    const meta = typeof params._meta === 'object' && params._meta !== null ? (params._meta as Record<string, unknown>) : undefined;
    const context: InboundRequestContext = {
      requestId: request.id,
      method: request.method,
      signal: controller.signal,
      meta,
      server: this.server,
    };
    let sent!: () => void;
    responses.set(context, new Promise((resolve) => (sent = resolve)));
    Promise.resolve()
      .then(() => handler(params, context))
      .then(
        (result) => (controller.signal.aborted ? undefined : this.respond({ jsonrpc: '2.0', id: request.id, result }, request.id)),
        (error: unknown) => (controller.signal.aborted ? undefined : this.respondError(request.id, toErrorObject(error))),
      )
      .finally(() => {
        inFlight.delete(request.id);
        sent();
      });
  }

  handleNotification(notification: JsonRpcNotification): void {
    const params = notification.params ?? {};
    if (notification.method === 'notifications/cancelled') {
      const requestId = params.requestId;
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        this.inFlight?.get(requestId)?.abort(params.reason ?? 'cancelled by the server');
      }
    }
    const method = notification.method;
    // Both read before any listener runs: one added meanwhile, to either, waits for the next.
    const own = method === '*' ? undefined : this.notificationHandlers?.get(method);
    const any = this.anyHandlers;
    if (own !== undefined) this.notify(method, own, params, method);
    if (any !== undefined) this.notify('*', any, params, method);
  }

  /**
   * Calls `listening`, the listeners of `slot` (a method, or `'*'`) when the notification
   * arrived: a listener added meanwhile waits for the next one, and one removed meanwhile (by an
   * earlier listener) is not called.
   */
  private notify(slot: string, listening: Listening, params: Record<string, unknown>, method: string): void {
    if (typeof listening === 'function') this.call(listening, params, method);
    else for (const handler of listening) if (listens(this.listening(slot), handler)) this.call(handler, params, method);
  }

  private listening(slot: string): Listening | undefined {
    return slot === '*' ? this.anyHandlers : this.notificationHandlers?.get(slot);
  }

  private call(handler: NotificationHandler, params: Record<string, unknown>, method: string): void {
    try {
      handler(params, method);
    } catch (error) {
      this.report(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Aborts every inbound request still being handled (the connection closed). */
  abortAll(reason: Error): void {
    if (this.inFlight === undefined) return;
    for (const controller of this.inFlight.values()) controller.abort(reason);
    this.inFlight.clear();
  }

  private respondError(id: RequestId, error: JsonRpcErrorObject): Promise<void> | void {
    return this.respond({ jsonrpc: '2.0', id, error }, id);
  }
}

/**
 * The listeners of one notification method: one alone, or a `Set` of two and more. Never changed
 * in place (adding or removing makes a new one), so a dispatch walks the listeners it started with.
 */
type Listening = NotificationHandler | ReadonlySet<NotificationHandler>;

/** `listening` with `handler` added (a `Set` from the second listener on). */
function adding(listening: Listening | undefined, handler: NotificationHandler): Listening {
  if (listening === undefined || listening === handler) return handler;
  if (typeof listening === 'function') return new Set([listening, handler]);
  return listening.has(handler) ? listening : new Set(listening).add(handler);
}

/** `listening` without `handler`; undefined once none is left. */
function removing(listening: Listening | undefined, handler: NotificationHandler): Listening | undefined {
  if (listening === undefined || listening === handler) return undefined;
  if (typeof listening === 'function' || !listening.has(handler)) return listening;
  const left = new Set(listening);
  left.delete(handler);
  return left.size === 1 ? left.values().next().value : left;
}

/** Whether `handler` is among `listening`. */
function listens(listening: Listening | undefined, handler: NotificationHandler): boolean {
  return listening === handler || (typeof listening === 'object' && listening.has(handler));
}

function toErrorObject(error: unknown): JsonRpcErrorObject {
  if (ProtocolError.isInstance(error)) {
    return error.data === undefined
      ? { code: error.code, message: error.rawMessage }
      : { code: error.code, message: error.rawMessage, data: error.data };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.InternalError, message };
}
