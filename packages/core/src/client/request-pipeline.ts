import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import { requestContext } from '../middleware/request-context.js';
import { composeMiddleware, type OutgoingRequest, type RequestMiddleware } from '../middleware/request-middleware.js';
import type { TransportSendOptions } from '../transport.js';
import type { CallOptions, McpClientOptions } from './options.js';

/** Turns the params of a request into what goes on the wire: the 2026-07-28 `_meta` envelope, or nothing. */
export type Seal = (params: Record<string, unknown> | undefined, options: CallOptions) => Record<string, unknown> | undefined;

/**
 * The way of a client's requests to its engine: its defaults, then its middleware (the request
 * context first, when one is set), then the era's envelope. Without middleware and context a
 * request goes straight to the engine, at no cost.
 */
export class RequestPipeline {
  private readonly middleware: readonly RequestMiddleware[];
  /** Whether a request without a `context` of its own may skip the middleware. */
  private readonly direct: boolean;

  constructor(private readonly options: McpClientOptions) {
    const layers = options.middleware ?? [];
    this.middleware = [requestContext(options.context), ...layers];
    this.direct = layers.length === 0 && options.context === undefined;
  }

  send(engine: JsonRpcEngine, method: string, params: Record<string, unknown> | undefined, call: CallOptions, sendOptions: TransportSendOptions | undefined, seal: Seal | undefined): Promise<Record<string, unknown>> {
    const options = this.withDefaults(call);
    if (this.direct && call.context === undefined) {
      return engine.request(method, seal === undefined ? params : seal(params, options), options, sendOptions);
    }
    const request: OutgoingRequest = { method, params, options, headers: sendOptions?.headers, server: this.options.server };
    const send = (sent: OutgoingRequest): Promise<Record<string, unknown>> => {
      const wire = seal === undefined ? (sent.params as Record<string, unknown> | undefined) : seal(sent.params as Record<string, unknown> | undefined, sent.options);
      const headers = sent.headers === undefined ? sendOptions : { ...sendOptions, headers: sent.headers };
      return engine.request(sent.method, wire, sent.options, headers);
    };
    return composeMiddleware(this.middleware, send)(request);
  }

  private withDefaults(options: CallOptions): CallOptions {
    if (this.options.maxTotalTimeoutMs === undefined || options.maxTotalTimeoutMs !== undefined) return options;
    return { ...options, maxTotalTimeoutMs: this.options.maxTotalTimeoutMs };
  }
}
