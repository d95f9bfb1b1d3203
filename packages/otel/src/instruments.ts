import { createNoopMeter, metrics, type Histogram, type MeterProvider, type UpDownCounter } from '@opentelemetry/api';

/** The instrumentation scope name of spans and metrics. */
export const SCOPE = '@mcpx/otel';

/** The semantic conventions' histogram of MCP client operations, in seconds. */
export const OPERATION_DURATION = 'mcp.client.operation.duration';

/** Requests sent and not yet settled (mcpx's own: the conventions define none). */
export const ACTIVE_REQUESTS = 'mcpx.client.active_requests';

/** The bucket boundaries the conventions advise for `mcp.client.operation.duration`, in seconds. */
const DURATION_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

/** The two instruments a middleware records into. */
export interface Instruments {
  duration: Histogram;
  active: UpDownCounter;
  /** Whether they are the API's no-op instruments (no meter provider registered): nothing to record. */
  noop: boolean;
}

/** The API's no-op meter hands out one shared histogram, which tells a meter of no provider. */
const NOOP_HISTOGRAM = createNoopMeter().createHistogram(OPERATION_DURATION);

/** Creates the instruments on `provider`'s meter for this package. */
export function createInstruments(provider: MeterProvider = metrics.getMeterProvider()): Instruments {
  const meter = provider.getMeter(SCOPE, __MCPX_VERSION__);
  const duration = meter.createHistogram(OPERATION_DURATION, {
    description: 'The duration of the MCP request as observed on the client, from sending it until its response.',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const active = meter.createUpDownCounter(ACTIVE_REQUESTS, {
    description: 'MCP requests the client sent and that are not settled yet.',
    unit: '{request}',
  });
  return { duration, active, noop: duration === NOOP_HISTOGRAM };
}
