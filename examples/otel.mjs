// OpenTelemetry: a span per MCP request, children of the application's own span, with the
// trace context sent to the server in _meta, and the request durations as a metric. Exports to
// memory and prints what was recorded; use an OTLP exporter in an application.
import { createRequire } from 'node:module';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemoryMetricExporter, AggregationTemporality, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { McpClient } from '@mcpx/core';
import { otelMiddleware } from '@mcpx/otel';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-everything/package.json').replace(/package\.json$/, 'dist/index.js');

// The SDK first: the middleware takes its meter when it is made.
const spans = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
const meterProvider = new MeterProvider({ readers: [reader] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(tracerProvider);
metrics.setGlobalMeterProvider(meterProvider);

const client = new McpClient({
  name: 'mcpx-example',
  server: 'everything',
  middleware: [otelMiddleware({ session: () => ({ protocolVersion: client.protocolVersion }) })],
});
await client.connect(new StdioTransport({ command: process.execPath, args: [server, 'stdio'], stderr: 'ignore' }));

await trace.getTracer('example').startActiveSpan('answer question', async (span) => {
  await client.listTools();
  await client.callTool('get-sum', { a: 19, b: 23 });
  await client.getPrompt('no-such-prompt').catch(() => {});
  span.end();
});
await client.close();

const byId = new Map(spans.getFinishedSpans().map((s) => [s.spanContext().spanId, s]));
for (const s of spans.getFinishedSpans()) {
  const parent = byId.get(s.parentSpanContext?.spanId ?? '')?.name ?? '-';
  const error = s.attributes['error.type'] === undefined ? '' : ` error.type=${s.attributes['error.type']}`;
  console.log(`span: ${s.name} (parent: ${parent}) mcp.method.name=${s.attributes['mcp.method.name'] ?? '-'}${error}`);
}
await reader.forceFlush();
const duration = metricExporter
  .getMetrics()
  .at(-1)
  ?.scopeMetrics.flatMap((scope) => scope.metrics)
  .find((metric) => metric.descriptor.name === 'mcp.client.operation.duration');
for (const point of duration?.dataPoints ?? []) {
  console.log(`metric: mcp.client.operation.duration ${point.attributes['mcp.method.name']} count=${point.value.count}`);
}
await tracerProvider.shutdown();
await meterProvider.shutdown();
