import type { ParsedArgs } from '../args/parse.js';

/** Where OTLP/HTTP traces go when only `--otel` is given: a collector on this machine. */
export const DEFAULT_TRACES_ENDPOINT = 'http://localhost:4318/v1/traces';

/**
 * The OTLP/HTTP URL the traces of a command go to, or undefined when the command is not traced.
 * Traced with `--otel`, or when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the URL as it is) or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (a base URL, `/v1/traces` appended) is set, as the
 * OpenTelemetry SDKs read them; `--no-otel` turns tracing off whatever the environment says.
 */
export function tracesEndpoint(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const flag = args.flags.get('otel');
  if (flag === false) return undefined;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces !== undefined && traces !== '') return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (base !== undefined && base !== '') return `${base.replace(/\/+$/, '')}/v1/traces`;
  return flag === true ? DEFAULT_TRACES_ENDPOINT : undefined;
}
