import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { otelMiddleware } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

let telemetry: Telemetry;
let client: McpClient;

beforeAll(async () => {
  telemetry = registerTelemetry();
  client = new McpClient({
    server: 'everything',
    middleware: [otelMiddleware({ session: () => ({ protocolVersion: client.protocolVersion }) })],
  });
  await client.connect(new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore' }));
});

afterAll(async () => {
  await client.close();
  await telemetry.shutdown();
});

beforeEach(() => telemetry.reset());

function only(name: string) {
  const spans = telemetry.spans().filter((span) => span.name === name);
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

describe('a span per request to server-everything', () => {
  it('names a tool call after the method and the tool, with the conventions attributes', async () => {
    await client.callTool('echo', { message: 'hi' });
    const span = only('tools/call echo');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': 'echo',
      'gen_ai.operation.name': 'execute_tool',
      'mcp.protocol.version': client.protocolVersion,
    });
    expect(span.attributes['jsonrpc.request.id']).toMatch(/^\d+$/);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('names a prompt request after the prompt', async () => {
    await client.getPrompt('simple-prompt');
    expect(only('prompts/get simple-prompt').attributes['gen_ai.prompt.name']).toBe('simple-prompt');
  });

  it('records the URI of a resource read without putting it in the span name', async () => {
    const { resources } = await client.listResources();
    const uri = resources[0]!.uri;
    await client.readResource(uri);
    expect(only('resources/read').attributes['mcp.resource.uri']).toBe(uri);
  });

  it('makes the request span a child of the span active where the call was made', async () => {
    const tracer = trace.getTracer('test');
    await tracer.startActiveSpan('user operation', async (parent) => {
      await client.listTools();
      parent.end();
    });
    const parent = only('user operation');
    const request = only('tools/list');
    expect(request.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(request.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('marks a request the server refused as an error with its JSON-RPC code', async () => {
    await expect(client.getPrompt('no-such-prompt')).rejects.toThrow();
    const span = only('prompts/get no-such-prompt');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toMatch(/^-\d+$/);
    expect(span.attributes['rpc.response.status_code']).toBe(span.attributes['error.type']);
    expect(span.events.map((event) => event.name)).toContain('exception');
    expect(span.status.message).not.toContain('JSON-RPC error');
  });
});

describe('metrics of requests to server-everything', () => {
  it('records each request in mcp.client.operation.duration, in seconds, by method and tool', async () => {
    await client.callTool('get-sum', { a: 1, b: 2 });
    await client.callTool('get-sum', { a: 3, b: 4 });
    const points = await telemetry.points<{ count: number; sum: number }>('mcp.client.operation.duration');
    const sums = points.find((point) => point.attributes['gen_ai.tool.name'] === 'get-sum');
    expect(sums?.attributes['mcp.method.name']).toBe('tools/call');
    expect(sums?.attributes['mcp.protocol.version']).toBe(client.protocolVersion);
    expect(sums?.value.count).toBe(2);
    expect(sums?.value.sum).toBeGreaterThan(0);
    // Two local round trips over stdio take far less than a minute: the unit is seconds, not ms.
    expect(sums?.value.sum).toBeLessThan(60);
  });

  it('counts a request in flight while it waits and not after', async () => {
    const active = async (): Promise<number | undefined> =>
      (await telemetry.points('mcpx.client.active_requests')).find((point) => point.attributes['mcp.method.name'] === 'tools/call')?.value;
    let progressed!: () => void;
    const firstProgress = new Promise<void>((resolve) => (progressed = resolve));
    const slow = client.callTool('trigger-long-running-operation', { duration: 2, steps: 2 }, { onprogress: () => progressed() });
    // The first progress notification comes while the tool runs: the call is in flight.
    await firstProgress;
    const during = await active();
    await slow;
    expect(during).toBe(1);
    expect(await active()).toBe(0);
  });
});
