import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import { requestContext } from '../middleware/request-context.js';
import { composeMiddleware, type NextRequest, type OutgoingRequest, type RequestMiddleware } from '../middleware/request-middleware.js';
import type { TransportSendOptions } from '../transport.js';
import type { CallOptions, McpClientOptions } from './options.js';
import { withKey } from '../util/with-key.js';

/** What goes on the wire for a request, once its middleware ran. */
export interface Sealed {
  params: Record<string, unknown> | undefined;
  /** For the transport: the mirrored arguments of a 2026-07-28 `tools/call` over Streamable HTTP. */
  sendOptions?: TransportSendOptions | undefined;
}

/**
 * Turns the params of a request, as its middleware left them, into what goes on the wire: the
 * 2026-07-28 `_meta` envelope and the headers mirroring tool arguments. Without one, the params go
 * as they are (legacy).
 */
export type Seal = (params: Record<string, unknown> | undefined, options: CallOptions) => Sealed;

/**
 * The way of a client's requests to its engine: its defaults, then its middleware (the request
 * context first, when one is set), then the era's envelope. Without middleware and context a
 * request goes straight to the engine, at no cost.
 */
export class RequestPipeline {
  private readonly middleware: readonly RequestMiddleware[];
  /** Whether a request without a `context` of its own may skip the middleware. */
  private readonly direct: boolean;
  /** The last middleware chain composed, with the engine and seal it ends in. */
  private composed: { engine: JsonRpcEngine; seal: Seal | undefined; next: NextRequest } | undefined;

  constructor(private readonly options: McpClientOptions) {
    const layers = options.middleware ?? [];
    this.middleware = [requestContext(options.context), ...layers];
    this.direct = layers.length === 0 && options.context === undefined;
  }

  send(
    engine: JsonRpcEngine,
    method: string,
    params: Record<string, unknown> | undefined,
    call: CallOptions,
    seal: Seal | undefined,
  ): Promise<Record<string, unknown>> {
    const options = this.withDefaults(call);
    if (this.direct && call.context === undefined) {
      if (seal === undefined) return engine.request(method, params, options);
      const sealed = seal(params, options);
      return engine.request(method, sealed.params, options, sealed.sendOptions);
    }
    const request: OutgoingRequest = { method, params, options, headers: undefined, server: this.options.server };
    return this.chain(engine, seal)(request);
  }

  /**
   * The middleware composed around the engine and the era's seal: built once and reused while
   * both stay the same (a connection's requests, bar the per-call seal of a mirrored 2026-07-28
   * `tools/call`), so that a request pays for its middleware and not for composing them.
   */
  private chain(engine: JsonRpcEngine, seal: Seal | undefined): NextRequest {
    const cached = this.composed;
    if (cached !== undefined && cached.engine === engine && cached.seal === seal) return cached.next;
    const send = (sent: OutgoingRequest): Promise<Record<string, unknown>> => {
      const given = sent.params as Record<string, unknown> | undefined;
      if (seal === undefined)
        return engine.request(sent.method, given, sent.options, sent.headers === undefined ? undefined : { headers: sent.headers });
      const sealed = seal(given, sent.options);
      const sendOptions = sent.headers === undefined ? sealed.sendOptions : withKey(sealed.sendOptions, 'headers', sent.headers);
      return engine.request(sent.method, sealed.params, sent.options, sendOptions);
    };
    const next = composeMiddleware(this.middleware, send);
    this.composed = { engine, seal, next };
    return next;
  }

  private withDefaults(options: CallOptions): CallOptions {
    if (this.options.maxTotalTimeoutMs === undefined || options.maxTotalTimeoutMs !== undefined) return options;
    return withKey(options, 'maxTotalTimeoutMs', this.options.maxTotalTimeoutMs);
  }
}
