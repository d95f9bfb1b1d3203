import type { CallOptions } from '../client/options.js';

/**
 * One outgoing request as middleware sees it: before the era's envelope, so the same middleware
 * works over both eras. A middleware changes a request by passing a new object to `next`
 * (`next({ ...request, params: { ...request.params, extra: 1 } })`); the objects it is given are
 * never changed.
 */
export interface OutgoingRequest {
  /** The JSON-RPC method. */
  readonly method: string;
  /**
   * The params, `_meta` included. On a legacy server `_meta` goes as it is; on a 2026-07-28 server
   * it is merged into the `_meta` envelope the session adds (protocol revision, client info and
   * capabilities), a key set here winning over the envelope's.
   */
  readonly params: Readonly<Record<string, unknown>> | undefined;
  /** The call's options: signal, `timeoutMs`, `maxTotalTimeoutMs`, `trace`, `context`... */
  readonly options: Readonly<CallOptions>;
  /**
   * Headers to send with the request, through `TransportSendOptions.headers`: bindings that speak
   * HTTP send them (the transport's own headers win on a clash); stdio and WebSocket ignore them.
   */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The server's name (the `server` option of the client), for logs and errors. */
  readonly server: string | undefined;
}

/** Sends a request on, through the middleware after this one, and resolves with its raw result. */
export type NextRequest = (request: OutgoingRequest) => Promise<Record<string, unknown>>;

/**
 * An interceptor around every request a client sends after its handshake (each page of a list,
 * each round of a 2026-07-28 `input_required` exchange, the listen stream; not `initialize` nor
 * the era probe, and not a request answered from the response cache). It may change the request
 * before calling `next`, observe or replace the result (a replacement is checked against the
 * method's result schema like any answer), and catch, replace or throw errors; not calling
 * `next` answers the request without sending it. Middleware run in the order given, the first
 * one outermost.
 * @example
 * const timing: RequestMiddleware = async (request, next) => {
 *   const started = performance.now();
 *   try {
 *     return await next(request);
 *   } finally {
 *     console.log(request.method, performance.now() - started);
 *   }
 * };
 */
export type RequestMiddleware = (request: OutgoingRequest, next: NextRequest) => Promise<Record<string, unknown>>;

/** Chains middleware around `send`, the first outermost; a middleware list that is empty gives `send` itself. */
export function composeMiddleware(middleware: readonly RequestMiddleware[], send: NextRequest): NextRequest {
  return middleware.reduceRight<NextRequest>(
    (next, layer) => (request) => {
      try {
        return layer(request, next);
      } catch (error) {
        // A middleware that throws before returning a promise fails its request like one that rejects.
        return Promise.reject(error);
      }
    },
    send,
  );
}
