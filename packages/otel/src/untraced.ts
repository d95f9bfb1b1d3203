import { context, ProxyTracerProvider, trace, type TracerProvider } from '@opentelemetry/api';
import type { OutgoingRequest } from '@mcpx/core';

/** The API's no-op tracer provider: what its proxy delegates to while no SDK is registered. */
const NOOP_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * Whether a request has nothing for telemetry to do, decided before any span is made: no SDK
 * behind `provider` (the API's proxy still delegating to its no-op), no metrics, and no trace
 * context the request could carry on (no span in the active context, no `traceparent` in its
 * `_meta`, no `trace` call option). Where it cannot tell (a provider of another kind, another
 * copy of the API), it says no, and the middleware takes its ordinary way.
 */
export function untraced(provider: TracerProvider, metricsOff: boolean, request: OutgoingRequest): boolean {
  if (!metricsOff || !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NOOP_TRACER_PROVIDER) return false;
  if (request.options.trace !== undefined || trace.getSpanContext(context.active()) !== undefined) return false;
  const meta = request.params?._meta;
  return typeof meta !== 'object' || meta === null || !('traceparent' in meta);
}
