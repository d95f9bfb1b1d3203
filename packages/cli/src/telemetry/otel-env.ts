type Env = Readonly<Record<string, string | undefined>>;

/**
 * A list of `key=value` pairs separated by commas, as `OTEL_RESOURCE_ATTRIBUTES` and
 * `OTEL_EXPORTER_OTLP_HEADERS` carry them (values percent-encoded). A pair without `=` or with an
 * empty key, or a value that does not decode, is skipped, as the OpenTelemetry SDKs do.
 */
export function keyValueList(text: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of (text ?? '').split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    const key = item.slice(0, at).trim();
    try {
      if (key !== '') pairs[key] = decodeURIComponent(item.slice(at + 1).trim());
    } catch {
      // A value that is not valid percent-encoding is left out, as the SDKs leave it.
    }
  }
  return pairs;
}

/** The resource attributes of `OTEL_RESOURCE_ATTRIBUTES` in `env`. */
export function resourceAttributes(env: Env): Record<string, string> {
  return keyValueList(env.OTEL_RESOURCE_ATTRIBUTES);
}

/** The headers of the traces export: `OTEL_EXPORTER_OTLP_HEADERS`, then `OTEL_EXPORTER_OTLP_TRACES_HEADERS` over them. */
export function exportHeaders(env: Env): Record<string, string> {
  return { ...keyValueList(env.OTEL_EXPORTER_OTLP_HEADERS), ...keyValueList(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS) };
}
