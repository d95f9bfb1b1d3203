import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
  type TextMapPropagator,
  type TracerProvider,
} from '@opentelemetry/api';
import { ProtocolError, type InboundRequestContext } from '@mcpx/core';
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
 * runs under a SERVER span named after the method, and returns an async function of the same
 * arguments. The span's parent is the trace context the server sent in the request's `_meta`, so
 * that the work the handler does (a model call, say) joins the server's trace, which joins the
 * client's; with none there, the span starts a trace of its own (the root context) with a link to
 * the span active where the handler was called (the request that asked for input, say), rather
 * than becoming its child. The handler runs with that span active. A handler that throws a
 * `ProtocolError` sets `rpc.response.status_code` to its code. `jsonrpc.request.id` is the request's
 * JSON-RPC id, left out for a 2026-07-28 `input_required` round (`inputKey` set), whose id is a key.
 * @param handler - the handler to wrap; its last argument is the request's `InboundRequestContext`
 * @param options - where spans go and how `_meta` is read
 * @returns the handler, traced
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
    const ambient = trace.getSpan(context.active());
    const parent = extractTraceMeta(inbound.meta, ROOT_CONTEXT, options.propagator);
    const links: Link[] = trace.getSpan(parent) === undefined && ambient !== undefined ? [{ context: ambient.spanContext() }] : [];
    const span = tracer.startSpan(
      inbound.method,
      {
        kind: SpanKind.SERVER,
        // An input_required round's id is the input request's key, not a JSON-RPC id.
        attributes:
          inbound.inputKey === undefined
            ? { [MCP_ATTRIBUTES.methodName]: inbound.method, [MCP_ATTRIBUTES.requestId]: String(inbound.requestId) }
            : { [MCP_ATTRIBUTES.methodName]: inbound.method },
        links,
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), handler, undefined, ...args);
    } catch (error) {
      const described = describeError(error);
      span.setAttribute(MCP_ATTRIBUTES.errorType, described.type);
      if (ProtocolError.isInstance(error)) span.setAttribute(MCP_ATTRIBUTES.statusCode, String(error.code));
      if (error instanceof Error) span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, ...(error instanceof Error ? { message: error.message } : {}) });
      throw error;
    } finally {
      span.end();
    }
  };
}
