import type { MeterProvider, TextMapPropagator, TracerProvider } from '@opentelemetry/api';
import type { OutgoingRequest } from '@mcpx/core';

/** What the telemetry knows of the session a request goes to; read once per request that records (a span or a metric). */
export interface SessionAttributes {
  /** The negotiated protocol revision (`client.protocolVersion`), as `mcp.protocol.version` on the span and the duration metric. */
  protocolVersion?: string | undefined;
  /** The MCP session id (Streamable HTTP's `Mcp-Session-Id`), as `mcp.session.id`. */
  sessionId?: string | undefined;
}

/** Options of `otelMiddleware`. */
export interface OtelMiddlewareOptions {
  /** Where spans go. @default the global tracer provider (`trace.getTracerProvider()`) */
  tracerProvider?: TracerProvider | undefined;
  /** Where metrics go. @default the global meter provider (`metrics.getMeterProvider()`) */
  meterProvider?: MeterProvider | undefined;
  /** How the trace context is written into `_meta`. @default the global propagator (`propagation`, W3C trace context once an SDK registers it) */
  propagator?: TextMapPropagator | undefined;
  /**
   * The session's attributes, read when a span records: pass
   * `() => ({ protocolVersion: client.protocolVersion })`, or look the client up by
   * `request.server` when one middleware serves several clients (a registry's).
   * @default none: no session attributes
   */
  session?: ((request: OutgoingRequest) => SessionAttributes) | undefined;
  /** Whether to write the trace context into each request's `_meta`. @default true */
  propagate?: boolean | undefined;
}
