import { context, trace } from '@opentelemetry/api';
import { AlwaysOffSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { McpClient, ProtocolError, type InboundRequestContext } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otelMiddleware, tracedHandler } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = registerTelemetry();
});
afterAll(() => telemetry.shutdown());

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

async function connected(era: 'legacy' | 'modern', options: ConstructorParameters<typeof McpClient>[0] = {}) {
  const server = new FakeServer(era === 'modern' ? { modernVersions: ['2026-07-28'] } : {});
  server.handle('tools/list', () => (era === 'modern' ? { resultType: 'complete', tools: [] } : { tools: [] }));
  const client = new McpClient({ ...options, middleware: [otelMiddleware()] });
  await client.connect(server.clientTransport);
  return { server, client };
}

describe.each(['legacy', 'modern'] as const)('the trace context reaching a %s server', (era) => {
  it('arrives in _meta as a traceparent naming the request span', async () => {
    const { server, client } = await connected(era);
    await client.listTools();
    await client.close();
    const meta = server.requests('tools/list')[0]?._meta as Record<string, unknown>;
    const [, traceId, spanId] = TRACEPARENT.exec(String(meta.traceparent)) ?? [];
    const span = telemetry.spans().find((s) => s.spanContext().spanId === spanId);
    expect(span?.name).toBe('tools/list');
    expect(span?.spanContext().traceId).toBe(traceId);
  });

  it('keeps the _meta keys the caller and the session put there', async () => {
    const { server, client } = await connected(era);
    await client.listTools({ context: { userId: 'u-1' } });
    await client.close();
    const meta = server.requests('tools/list')[0]?._meta as Record<string, unknown>;
    expect(meta.traceparent).toMatch(TRACEPARENT);
    expect(meta['mcpx/context']).toEqual({ userId: 'u-1' });
    if (era === 'modern') expect(meta['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
  });
});

describe('a sampling round trip', () => {
  // A made-up trace context, as a remote server would send: the in-process fake shares the
  // client's context, so only a trace of its own shows the handler reads the request's _meta.
  const SERVER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
  const SERVER_SPAN = '00f067aa0ba902b7';

  it('runs the sampling handler under the trace context the server sent in _meta', async () => {
    let handlerTraceId: string | undefined;
    const sampling = tracedHandler(() => {
      handlerTraceId = trace.getSpan(context.active())?.spanContext().traceId;
      return { role: 'assistant' as const, content: { type: 'text' as const, text: 'sampled' }, model: 'test-model' };
    });
    const { server, client } = await connected('legacy', { sampling });
    server.handle('tools/call', async () => {
      const answer = await server.request('sampling/createMessage', {
        messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
        maxTokens: 10,
        _meta: { traceparent: `00-${SERVER_TRACE}-${SERVER_SPAN}-01` },
      });
      return { content: [{ type: 'text', text: JSON.stringify(answer.content) }] };
    });
    await trace.getTracer('test').startActiveSpan('agent turn', async (turn) => {
      await client.callTool('ask', {});
      turn.end();
    });
    await client.close();
    const answered = telemetry.spans().find((s) => s.name === 'sampling/createMessage')!;
    expect(answered.spanContext().traceId).toBe(SERVER_TRACE);
    expect(answered.parentSpanContext?.spanId).toBe(SERVER_SPAN);
    expect(answered.attributes['mcp.method.name']).toBe('sampling/createMessage');
    expect(handlerTraceId).toBe(SERVER_TRACE);
  });
});

describe('a trace context the caller gave', () => {
  const REMOTE_TRACE = '0af7651916cd43dd8448eb211c80319c';
  const REMOTE_SPAN = 'b7ad6b7169203331';
  const REMOTE = `00-${REMOTE_TRACE}-${REMOTE_SPAN}-01`;

  it('is replaced whole by the active span, leaving no stale tracestate or baggage', async () => {
    const { server, client } = await connected('legacy');
    await trace.getTracer('test').startActiveSpan('fresh', async (span) => {
      await client.request('tools/list', { _meta: { traceparent: REMOTE, tracestate: 'vendor=stale', baggage: 'user=old', keep: 1 } });
      span.end();
    });
    await client.close();
    const meta = server.requests('tools/list')[0]?._meta as Record<string, unknown>;
    expect(meta.traceparent).toMatch(TRACEPARENT);
    expect(String(meta.traceparent)).not.toContain(REMOTE_TRACE);
    expect(meta.tracestate).toBeUndefined();
    expect(meta.baggage).toBeUndefined();
    expect(meta.keep).toBe(1);
  });

  it('parents the request span when no span is active, from _meta', async () => {
    const { client } = await connected('legacy');
    telemetry.reset();
    await client.request('tools/list', { _meta: { traceparent: REMOTE } });
    await client.close();
    const span = telemetry.spans().find((s) => s.name === 'tools/list');
    expect(span?.spanContext().traceId).toBe(REMOTE_TRACE);
    expect(span?.parentSpanContext?.spanId).toBe(REMOTE_SPAN);
  });

  it('parents the request span when no span is active, from the trace call option', async () => {
    const { server, client } = await connected('modern');
    await client.listTools({ trace: { traceparent: REMOTE } });
    await client.close();
    const meta = server.requests('tools/list')[0]?._meta as Record<string, unknown>;
    const [, traceId, spanId] = TRACEPARENT.exec(String(meta.traceparent)) ?? [];
    const span = telemetry.spans().find((s) => s.spanContext().spanId === spanId);
    expect(traceId).toBe(REMOTE_TRACE);
    expect(span?.parentSpanContext?.spanId).toBe(REMOTE_SPAN);
  });
});

describe('a server-to-client request with no trace context', () => {
  it('starts a trace of its own, linked to the span active where the handler was called', async () => {
    const roots = tracedHandler((_context: InboundRequestContext) => ({ roots: [] }));
    const ambient = trace.getTracer('test').startSpan('ambient');
    const inbound: InboundRequestContext = { requestId: 7, method: 'roots/list', signal: new AbortController().signal, meta: undefined };
    await context.with(trace.setSpan(context.active(), ambient), () => roots(inbound));
    ambient.end();
    const span = telemetry.spans().find((s) => s.name === 'roots/list')!;
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(ambient.spanContext().traceId);
    expect(span.links.map((link) => link.context.spanId)).toEqual([ambient.spanContext().spanId]);
  });

  it('records the JSON-RPC code of a ProtocolError the handler throws', async () => {
    const refuse = tracedHandler((_context: InboundRequestContext): never => {
      throw new ProtocolError({ code: -32602, message: 'no such root' });
    });
    const inbound: InboundRequestContext = {
      requestId: 8,
      method: 'elicitation/create',
      signal: new AbortController().signal,
      meta: undefined,
    };
    await expect(refuse(inbound)).rejects.toThrow();
    const span = telemetry.spans().find((s) => s.name === 'elicitation/create')!;
    expect(span.attributes['rpc.response.status_code']).toBe('-32602');
  });
});

describe('propagation options', () => {
  async function sent(middleware: ReturnType<typeof otelMiddleware>): Promise<Record<string, unknown>> {
    const server = new FakeServer().handle('tools/list', () => ({ tools: [] }));
    const client = new McpClient({ middleware: [middleware] });
    await client.connect(server.clientTransport);
    await client.listTools();
    await client.close();
    return (server.requests('tools/list')[0]?._meta ?? {}) as Record<string, unknown>;
  }

  it('writes no trace context with propagate: false, and still records the span', async () => {
    telemetry.reset();
    const meta = await sent(otelMiddleware({ propagate: false }));
    expect(meta.traceparent).toBeUndefined();
    expect(telemetry.spans().filter((s) => s.name === 'tools/list')).toHaveLength(1);
  });

  it('propagates a sampled-out span with trace flags 00, recording nothing', async () => {
    telemetry.reset();
    const tracerProvider = new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
    const meta = await sent(otelMiddleware({ tracerProvider }));
    expect(meta.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(telemetry.spans()).toEqual([]);
  });
});

describe('a 2026-07-28 input_required round', () => {
  it('traces the handler without a JSON-RPC id, as the round has none', async () => {
    telemetry.reset();
    const elicitation = tracedHandler((_params: unknown, _context: InboundRequestContext) => ({ action: 'decline' as const }));
    const { server, client } = await connected('modern', { elicitation });
    server.handle('tools/call', (params) =>
      params.requestState === undefined
        ? {
            resultType: 'input_required',
            requestState: 's',
            inputRequests: {
              confirm: { method: 'elicitation/create', params: { message: 'ok?', requestedSchema: { type: 'object', properties: {} } } },
            },
          }
        : { resultType: 'complete', content: [] },
    );
    await client.callTool('careful', {});
    await client.close();
    const span = telemetry.spans().find((s) => s.name === 'elicitation/create')!;
    expect(span.attributes['mcp.method.name']).toBe('elicitation/create');
    expect(span.attributes).not.toHaveProperty('jsonrpc.request.id');
  });
});
