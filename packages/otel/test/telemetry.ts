import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type DataPoint,
  type Histogram,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** The real OpenTelemetry SDK, registered globally as an application would, exporting to memory. */
export interface Telemetry {
  spans(): ReadableSpan[];
  /** The data points of the metric `name`, after a collection. */
  points<T = number>(name: string): Promise<Array<DataPoint<T>>>;
  reset(): void;
  shutdown(): Promise<void>;
}

export function registerTelemetry(): Telemetry {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // The reader exports when flushed; its period is long enough never to fire during a test.
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    spans: () => spanExporter.getFinishedSpans(),
    points: async <T>(name: string) => {
      await reader.forceFlush();
      const exported = metricExporter.getMetrics().at(-1);
      const metric = exported?.scopeMetrics.flatMap((scope) => scope.metrics).find((m) => m.descriptor.name === name);
      return (metric?.dataPoints ?? []) as Array<DataPoint<T>>;
    },
    reset: () => {
      spanExporter.reset();
    },
    shutdown: async () => {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export type { Histogram };
