import { context, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { redactUrl } from '@mcpx/core/internal';
import { otelMiddleware, otelRetryEvent } from '@mcpx/otel';
import type { CommandTracing } from './command-tracing.js';
import { exportHeaders, resourceAttributes } from './otel-env.js';

/**
 * How long exporting the spans at exit may take, retries of an unreachable collector included,
 * unless `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` or `OTEL_EXPORTER_OTLP_TIMEOUT` says otherwise.
 */
const EXPORT_TIMEOUT_MS = 3_000;

/**
 * Sets up the OpenTelemetry SDK for one command: spans batched and exported as OTLP/HTTP JSON to
 * `url` (with the headers of `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, and the
 * resource attributes of `OTEL_RESOURCE_ATTRIBUTES`, read from `env`) within
 * `EXPORT_TIMEOUT_MS`, under the service name `OTEL_SERVICE_NAME` or `mcpx`, and W3C trace
 * context in each request's `_meta`. Loaded only for a traced command, so that an untraced one
 * does not pay for the SDK.
 */
export function startTracing(url: string, env: Readonly<Record<string, string | undefined>>): CommandTracing {
  const standardTimeout = env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT;
  const exportTimeoutMs = Number(standardTimeout) > 0 ? Number(standardTimeout) : EXPORT_TIMEOUT_MS;
  // Headers and resource attributes come from the command's environment (which an application
  // embedding run() may give), not only from process.env, where the SDK alone would look.
  const exporter = new OTLPTraceExporter({ url, timeoutMillis: exportTimeoutMs, headers: exportHeaders(env) });
  const resource = defaultResource()
    .merge(resourceFromAttributes(resourceAttributes(env)))
    .merge(resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || 'mcpx', 'service.version': __MCPX_VERSION__ }));
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(exporter, { exportTimeoutMillis: exportTimeoutMs })],
  });
  // Spans follow the command's async work; an application that embeds run() and set a manager keeps its own.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const tracer = provider.getTracer('@mcpx/cli', __MCPX_VERSION__);
  const propagator = new W3CTraceContextPropagator();
  // The command's span, once it runs: the parent of what the registry reports meanwhile.
  let commandContext: Context | undefined;
  return {
    trace: (command, work, failed) =>
      traceCommand(
        tracer,
        command,
        () => {
          commandContext = context.active();
          return work();
        },
        failed,
      ),
    reconnect: ({ server, attempt, delayMs, error }) => {
      const attributes = {
        'mcpx.server': server,
        'mcpx.reconnect.attempt': attempt,
        'mcpx.reconnect.delay_ms': delayMs,
        'error.type': error.name,
      };
      const span = tracer.startSpan('mcpx.reconnect', { kind: SpanKind.INTERNAL, attributes }, commandContext ?? context.active());
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    },
    // Called in the async context of the request retried: its span is the active one.
    retry: otelRetryEvent,
    refresh: ({ serverUrl, durationMs, error }) => {
      // Called in the async context of the request that needed the refresh: its span is the active one.
      trace.getActiveSpan()?.addEvent('mcpx.auth.refresh', {
        'server.address': URL.canParse(serverUrl) ? new URL(serverUrl).host : serverUrl,
        'mcpx.auth.duration_ms': durationMs,
        ...(error === undefined ? {} : { 'error.type': error.name }),
      });
    },
    middleware: (protocolVersion) =>
      otelMiddleware({
        tracerProvider: provider,
        propagator,
        session: (request) => ({ protocolVersion: request.server === undefined ? undefined : protocolVersion(request.server) }),
      }),
    flush: async () => {
      try {
        await provider.forceFlush();
        return undefined;
      } catch (error) {
        const shown = redactUrl(url, { userinfo: 'drop', query: 'drop' });
        return new Error(`could not export traces to ${shown}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      } finally {
        await provider.shutdown().catch(() => {
          // Shutting down after a failed flush fails the same way; that failure is reported already.
        });
      }
    },
  };
}

/** Runs `work` in the command's root span, which records how the command ended: its exit code, and what it threw. */
function traceCommand(
  tracer: Tracer,
  command: string,
  work: () => Promise<number>,
  failed: (error: unknown) => Promise<number>,
): Promise<number> {
  const attributes = { 'process.executable.name': 'mcpx' };
  return tracer.startActiveSpan(`mcpx ${command}`, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    let code: number;
    let message: string | undefined;
    try {
      code = await work();
    } catch (error) {
      if (error instanceof Error) span.recordException(error);
      message = error instanceof Error ? error.message : String(error);
      code = await failed(error);
    }
    span.setAttribute('process.exit.code', code);
    if (code !== 0) span.setStatus({ code: SpanStatusCode.ERROR, message: message ?? `exit code ${code}` });
    span.end();
    return code;
  });
}
