import { trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { OutgoingRequest } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import { untraced } from './untraced.js';

const request: OutgoingRequest = { method: 'tools/list', params: undefined, options: {}, headers: undefined, server: 'test' };
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

afterEach(() => trace.disable());

describe('whether a request has nothing for telemetry to do', () => {
  it('has nothing with no SDK, no metrics and no trace context', () => {
    expect(untraced(trace.getTracerProvider(), true, request)).toBe(true);
  });

  it('has something once an SDK registers after the middleware took the global provider', () => {
    const provider = trace.getTracerProvider();
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    expect(untraced(provider, true, request)).toBe(false);
  });

  it('has something with a tracer provider of its own, or with metrics', () => {
    expect(untraced(new BasicTracerProvider(), true, request)).toBe(false);
    expect(untraced(trace.getTracerProvider(), false, request)).toBe(false);
  });

  it('has something when the caller gave a trace context to carry on, in _meta or as the trace option', () => {
    const provider = trace.getTracerProvider();
    expect(untraced(provider, true, { ...request, params: { _meta: { traceparent } } })).toBe(false);
    expect(untraced(provider, true, { ...request, options: { trace: { traceparent } } })).toBe(false);
    expect(untraced(provider, true, { ...request, params: { _meta: { progressToken: 1 } } })).toBe(true);
  });
});
