import { context, isSpanContextValid, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import {
  CancelledError,
  ConnectionClosedError,
  ProtocolError,
  type NextRequest,
  type OutgoingRequest,
  type RequestId,
  type RequestMiddleware,
} from '@mcpx/core';
import { MCP_ATTRIBUTES, operationAttributes, requestTarget, resourceUri, spanName } from './attributes.js';
import { describeError, isToolError } from './error-type.js';
import { createInstruments, SCOPE, type Instruments } from './instruments.js';
import type { OtelMiddlewareOptions } from './options.js';
import { TaskLinks } from './task-links.js';
import { requestParent, withTraceMeta } from './trace-meta.js';
import { untraced } from './untraced.js';

/**
 * A request middleware that traces and measures every request a client sends: a CLIENT span named
 * `{mcp.method.name} {target}` with the attributes of OpenTelemetry's semantic conventions for
 * MCP, a child of the span active where the call was made (with none, of the trace context the
 * caller gave in `params._meta` or the `trace` call option); the W3C trace context of that span in
 * the request's `_meta` (both eras); the `mcp.client.operation.duration` histogram and the
 * `mcpx.client.active_requests` counter. With no OpenTelemetry SDK registered it records nothing
 * and adds nothing to the request.
 * @example
 * const client = new McpClient({
 *   middleware: [otelMiddleware({ session: () => ({ protocolVersion: client.protocolVersion }) })],
 * });
 */
export function otelMiddleware(options: OtelMiddlewareOptions = {}): RequestMiddleware {
  const provider = options.tracerProvider ?? trace.getTracerProvider();
  const tracer = provider.getTracer(SCOPE, __MCPX_VERSION__);
  const instruments = createInstruments(options.meterProvider);
  const propagate = options.propagate !== false;
  const tasks = new TaskLinks();
  return (request, next) => {
    // No SDK and no trace context: hand the request on untouched, without making a no-op span.
    if (untraced(provider, instruments.noop, request)) return next(request);
    const target = requestTarget(request);
    const attributes = operationAttributes(request.method, target);
    const parent =
      harmless(undefined, () => requestParent(context.active(), request.params?._meta, request.options.trace, options.propagator)) ??
      context.active();
    const taskId = tasks.drivenTask(request);
    const links = taskId === undefined ? undefined : tasks.links(request.server, taskId);
    const spanOptions = links === undefined ? { kind: SpanKind.CLIENT, attributes } : { kind: SpanKind.CLIENT, attributes, links };
    const span = tracer.startSpan(spanName(request.method, target), spanOptions, parent);
    const recording = span.isRecording();
    // No SDK: nothing records and, without a valid span context, there is nothing to propagate.
    if (!recording && instruments.noop && !isSpanContextValid(span.spanContext())) return next(request);
    harmless(span, () => describeRequest(span, attributes, request, options));
    // On the span only: a task id has too many values for a metric.
    if (recording && taskId !== undefined) span.setAttribute(MCP_ATTRIBUTES.taskId, taskId);
    const active = trace.setSpan(parent, span);
    const params = propagate ? harmless(span, () => withTraceMeta(request.params, active, options.propagator)) : request.params;
    const sent = withSpan(request, span, recording, params ?? request.params);
    return measure({ request, sent, next, span, active, attributes, instruments, tasks });
  };
}

/**
 * Requests that hold a stream open for the connection's life (2026-07-28 `subscriptions/listen`):
 * no duration or in-flight count, and their cancel (a new filter, or the client's close) is their
 * normal end, not an error.
 */
const STREAMS: ReadonlySet<string> = new Set(['subscriptions/listen']);

/** One traced request on its way: what `measure` sends and where it records. */
interface Traced {
  request: OutgoingRequest;
  sent: OutgoingRequest;
  next: NextRequest;
  span: Span;
  active: Context;
  attributes: Attributes;
  instruments: Instruments;
  tasks: TaskLinks;
}

/** Sends the request in its span's context, and records its outcome on the span and the instruments. */
async function measure({ request, sent, next, span, active, attributes, instruments, tasks }: Traced): Promise<Record<string, unknown>> {
  const stream = STREAMS.has(request.method);
  const counted = { [MCP_ATTRIBUTES.methodName]: request.method };
  if (!stream) instruments.active.add(1, counted);
  const started = performance.now();
  try {
    const result = await context.with(active, next, undefined, sent);
    if (isToolError(request.method, result)) fail(span, attributes, { type: 'tool_error' }, undefined);
    if (span.isRecording()) harmless(span, () => tasks.describe(span, request, result));
    return result;
  } catch (error) {
    if (!(stream && isStreamEnd(error))) fail(span, attributes, describeError(error), error);
    throw error;
  } finally {
    if (!stream) {
      instruments.active.add(-1, counted);
      instruments.duration.record((performance.now() - started) / 1000, attributes);
    }
    span.end();
  }
}

/** Whether a stream's error is its normal end: cancelled by the client, or the connection closed. */
function isStreamEnd(error: unknown): boolean {
  return CancelledError.isInstance(error) || ConnectionClosedError.isInstance(error);
}

/**
 * Runs telemetry's own work on a request (the `session()` callback, a propagator's `inject`): what
 * throws is recorded on the span, never fails the call; `undefined` then.
 */
function harmless<T>(span: Span | undefined, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (span?.isRecording() === true)
      span.addEvent('mcpx.telemetry_error', { 'exception.message': error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** Adds what only a recording span or a metric needs: the resource URI (span) and the session (span; its protocol version on the metric too). */
function describeRequest(span: Span, metricAttributes: Attributes, request: OutgoingRequest, options: OtelMiddlewareOptions): void {
  const recording = span.isRecording();
  const uri = recording ? resourceUri(request) : undefined;
  if (uri !== undefined) span.setAttribute(MCP_ATTRIBUTES.resourceUri, uri);
  const session = options.session?.(request);
  if (session?.protocolVersion !== undefined) {
    metricAttributes[MCP_ATTRIBUTES.protocolVersion] = session.protocolVersion;
    if (recording) span.setAttribute(MCP_ATTRIBUTES.protocolVersion, session.protocolVersion);
  }
  if (recording && session?.sessionId !== undefined) span.setAttribute(MCP_ATTRIBUTES.sessionId, session.sessionId);
}

/** The request as sent on: its params with the trace context, and an `onid` that records the JSON-RPC id on a recording span. */
function withSpan(request: OutgoingRequest, span: Span, recording: boolean, params: OutgoingRequest['params']): OutgoingRequest {
  // Object.assign rather than `{ ...request, params }`: on Node 20 that literal, once optimized,
  // makes a hidden class per copy (see withKey in @mcpx/core).
  if (!recording) return params === request.params ? request : Object.assign({}, request, { params });
  const onid = request.options.onid;
  const options = Object.assign({}, request.options, {
    onid: (id: RequestId) => {
      span.setAttribute(MCP_ATTRIBUTES.requestId, String(id));
      onid?.(id);
    },
  });
  return Object.assign({}, request, { params, options });
}

function fail(span: Span, metricAttributes: Attributes, described: ReturnType<typeof describeError>, error: unknown): void {
  metricAttributes[MCP_ATTRIBUTES.errorType] = described.type;
  if (described.statusCode !== undefined) metricAttributes[MCP_ATTRIBUTES.statusCode] = described.statusCode;
  if (!span.isRecording()) return;
  span.setAttribute(MCP_ATTRIBUTES.errorType, described.type);
  if (described.statusCode !== undefined) span.setAttribute(MCP_ATTRIBUTES.statusCode, described.statusCode);
  if (error instanceof Error) {
    span.recordException(error);
    // A server's refusal is described by its own message, without the client's decoration.
    span.setStatus({ code: SpanStatusCode.ERROR, message: ProtocolError.isInstance(error) ? error.rawMessage : error.message });
  } else {
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
}
