import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otelMiddleware } from '../src/index.js';

// No tracer provider: the API's no-op tracer, as in an application that only propagates trace
// context (a context manager and a propagator registered, no SDK).
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  propagation.disable();
  context.disable();
});

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;

async function connected() {
  const server = new FakeServer();
  server.handle('tools/list', () => ({ tools: [] }));
  const client = new McpClient({ middleware: [otelMiddleware()] });
  await client.connect(server.clientTransport);
  return { server, client };
}

describe('the trace context a request carries with no SDK registered', () => {
  it('is the trace call option, put in _meta as its traceparent', async () => {
    const { server, client } = await connected();
    await client.listTools({ trace: { traceparent: TRACEPARENT } });
    await client.close();
    expect(server.requests('tools/list')[0]?._meta).toMatchObject({ traceparent: TRACEPARENT });
  });

  it('is the remote span context active where the call was made, put in _meta as its traceparent', async () => {
    const { server, client } = await connected();
    const remote = trace.setSpanContext(context.active(), {
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    await context.with(remote, () => client.listTools());
    await client.close();
    expect(server.requests('tools/list')[0]?._meta).toMatchObject({ traceparent: TRACEPARENT });
  });
});
