import {
  context,
  propagation,
  trace,
  type Context,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';

import type { TraceContext } from '@mcpx/core';

type Carrier = Record<string, unknown>;

/** The `_meta` keys of the W3C trace context and baggage: replaced together, never mixed with another trace's. */
const TRACE_KEYS: readonly string[] = ['traceparent', 'tracestate', 'baggage'];
const TRACE_KEY_SET: ReadonlySet<string> = new Set(TRACE_KEYS);

/** Reads string values of a `_meta` object: the W3C `traceparent`, `tracestate` and `baggage` keys. */
const getter: TextMapGetter<Carrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return typeof value === 'string' ? value : undefined;
  },
};

const setter: TextMapSetter<Carrier> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * The params of a request with the trace context of `active` in their `_meta` (`traceparent`,
 * `tracestate`, as the propagator writes them), the params' other keys kept and any trace context
 * already there (`traceparent`, `tracestate`, `baggage`) dropped, so that no stale key of another
 * trace rides along; the params as they are when the propagator writes nothing (no SDK, or no span).
 */
export function withTraceMeta(
  params: Readonly<Record<string, unknown>> | undefined,
  active: Context,
  propagator: TextMapPropagator | undefined,
): Readonly<Record<string, unknown>> | undefined {
  const carrier: Carrier = {};
  if (propagator === undefined) propagation.inject(active, carrier, setter);
  else propagator.inject(active, carrier, setter);
  if (Object.keys(carrier).length === 0) return params;
  const given = params?._meta;
  // Copied without the trace keys rather than copied then deleted from, which would leave a slow
  // dictionary object, and by Object.assign rather than `{ ...params, _meta }`, which on Node 20
  // makes a hidden class per copy once optimized (see withKey in @mcpx/core).
  const meta: Carrier = {};
  if (typeof given === 'object' && given !== null) {
    for (const key of Object.keys(given)) if (!TRACE_KEY_SET.has(key)) meta[key] = (given as Carrier)[key];
  }
  const sent: Carrier = Object.assign({}, params);
  sent._meta = Object.assign(meta, carrier);
  return sent;
}

/**
 * The parent of a request's span: the context active where the call was made when it holds a
 * span; else the trace context the caller gave the request, in `params._meta` or as the call's
 * `trace` option (the `_meta` keys win), over that context.
 * @param active - the context where the call was made
 * @param meta - the request's `params._meta`, as the caller gave it
 * @param given - the call's `trace` option
 * @param propagator - how the trace context is read; the global propagator when `undefined`
 */
export function requestParent(
  active: Context,
  meta: unknown,
  given: Readonly<TraceContext> | undefined,
  propagator: TextMapPropagator | undefined,
): Context {
  if (trace.getSpan(active) !== undefined) return active;
  const carrier: Carrier = { ...given };
  if (typeof meta === 'object' && meta !== null) {
    for (const key of TRACE_KEYS) if (key in meta) carrier[key] = (meta as Carrier)[key];
  }
  return extractTraceMeta(carrier, active, propagator);
}

/**
 * The context a `_meta` object carries (a server-to-client request's, say), over `parent`; `parent`
 * itself when the `_meta` holds no trace context.
 * @param meta - the `_meta` of a request (`InboundRequestContext.meta`)
 * @param parent - the context the extracted trace context goes over; the active one by default
 * @param propagator - how the trace context is read; the global propagator when `undefined`
 * @returns `parent` with the remote span context of `meta` set, when it has one
 * @example
 * const remote = extractTraceMeta(inbound.meta);
 * await context.with(remote, () => answer());
 */
export function extractTraceMeta(
  meta: Readonly<Record<string, unknown>> | undefined,
  parent: Context = context.active(),
  propagator?: TextMapPropagator,
): Context {
  if (meta === undefined) return parent;
  const carrier = meta as Carrier;
  return propagator === undefined ? propagation.extract(parent, carrier, getter) : propagator.extract(parent, carrier, getter);
}
