import type { ParsedArgs } from '../args/parse.js';

/** Where OTLP/HTTP traces go when only `--otel` is given: a collector on this machine. */
export const DEFAULT_TRACES_ENDPOINT = 'http://localhost:4318/v1/traces';

/** Whether and where a command's traces go: a URL, or nothing with a warning to print once, or nothing at all. */
export type TracesChoice = { url: string; warning?: undefined } | { url?: undefined; warning?: string | undefined };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The OTLP/HTTP URL the traces of a command go to. Traced with `--otel`, or when
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the URL as it is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (a base
 * URL, `/v1/traces` appended) is set, as the OpenTelemetry SDKs read them. `--no-otel` turns
 * tracing off whatever the environment says; so do `OTEL_SDK_DISABLED=true` and an
 * `OTEL_TRACES_EXPORTER` without `otlp`, unless `--otel` asks for tracing. An endpoint that is not
 * an http(s) URL, or the `grpc` protocol (mcpx exports OTLP/HTTP only), is not an error: the
 * command runs untraced, with a warning, as the OpenTelemetry specification asks of bad settings.
 */
export function tracesEndpoint(args: ParsedArgs, env: Env): TracesChoice {
  const flag = args.flags.get('otel');
  if (flag === false) return {};
  if (flag !== true && switchedOff(env)) return {};
  const url = configuredUrl(env) ?? (flag === true ? DEFAULT_TRACES_ENDPOINT : undefined);
  if (url === undefined) return {};
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim().toLowerCase();
  if (protocol === 'grpc')
    return {
      warning: 'traces not exported: OTLP over gRPC is not supported; set OTEL_EXPORTER_OTLP_PROTOCOL=http/json (or http/protobuf)',
    };
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return { warning: 'traces not exported: the OTLP traces endpoint is not an http(s) URL; check OTEL_EXPORTER_OTLP_ENDPOINT' };
  return { url };
}

function configuredUrl(env: Env): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces !== undefined && traces !== '') return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (base !== undefined && base !== '') return `${base.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/** `OTEL_SDK_DISABLED=true`, or `OTEL_TRACES_EXPORTER` naming exporters other than `otlp` (such as `none`). */
function switchedOff(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return true;
  const exporters = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporters === undefined || exporters === '') return false;
  return !exporters.split(',').some((name) => name.trim().toLowerCase() === 'otlp');
}
