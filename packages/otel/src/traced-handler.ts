import { context, SpanKind, SpanStatusCode, trace, type TextMapPropagator, type TracerProvider } from '@opentelemetry/api';
import type { InboundRequestContext } from '@mcpx/core';
import { MCP_ATTRIBUTES } from './attributes.js';
import { describeError } from './error-type.js';
import { SCOPE } from './instruments.js';
import { extractTraceMeta } from './trace-meta.js';

/** Options of `tracedHandler`. */
export interface TracedHandlerOptions {
  /** Where spans go. @default the global tracer provider */
  tracerProvider?: TracerProvider | undefined;
  /** How the trace context is read from `_meta`. @default the global propagator */
  propagator?: TextMapPropagator | undefined;
}

/**
 * Wraps a handler of server-to-client requests (`sampling`, `elicitation`, `roots`...) so that it
 * runs in the trace context the server sent in the request's `_meta`, under a SERVER span named
 * after the method: the work the handler does (a model call, say) joins the server's trace, which
 * joins the client's.
 * @example
 * const client = new McpClient({ sampling: tracedHandler(async (params) => callModel(params)) });
 */
export function tracedHandler<Args extends [...unknown[], InboundRequestContext], Result>(
  handler: (...args: Args) => Result | Promise<Result>,
  options: TracedHandlerOptions = {},
): (...args: Args) => Promise<Result> {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, __MCPX_VERSION__);
  return async (...args) => {
    const inbound = args[args.length - 1] as InboundRequestContext;
    const parent = extractTraceMeta(inbound.meta, context.active(), options.propagator);
    const span = tracer.startSpan(
      inbound.method,
      {
        kind: SpanKind.SERVER,
        attributes: { [MCP_ATTRIBUTES.methodName]: inbound.method, [MCP_ATTRIBUTES.requestId]: String(inbound.requestId) },
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), handler, undefined, ...args);
    } catch (error) {
      span.setAttribute(MCP_ATTRIBUTES.errorType, describeError(error).type);
      if (error instanceof Error) span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, ...(error instanceof Error ? { message: error.message } : {}) });
      throw error;
    } finally {
      span.end();
    }
  };
}
