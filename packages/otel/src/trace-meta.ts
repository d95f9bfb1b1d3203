import { context, propagation, type Context, type TextMapGetter, type TextMapPropagator, type TextMapSetter } from '@opentelemetry/api';

type Carrier = Record<string, unknown>;

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
 * `tracestate`, as the propagator writes them), the params' own keys kept; the params as they are
 * when the propagator writes nothing (no SDK, or no span).
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
  const meta = typeof given === 'object' && given !== null ? given : {};
  return { ...params, _meta: { ...meta, ...carrier } };
}

/**
 * The context a `_meta` object carries (a server-to-client request's, say), over `parent`; `parent`
 * itself when the `_meta` holds no trace context.
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
