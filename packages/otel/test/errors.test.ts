import { SpanStatusCode, type Context } from '@opentelemetry/api';
import { McpClient, ProtocolError } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otelMiddleware } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = registerTelemetry();
});
afterAll(() => telemetry.shutdown());

async function connected(server: FakeServer): Promise<McpClient> {
  const client = new McpClient({ middleware: [otelMiddleware()] });
  await client.connect(server.clientTransport);
  return client;
}

describe('failed requests', () => {
  it('marks a tool result with isError as a tool_error', async () => {
    const server = new FakeServer().handle('tools/call', () => ({ content: [{ type: 'text', text: 'disk full' }], isError: true }));
    const client = await connected(server);
    await client.callTool('write', {});
    await client.close();
    const span = telemetry.spans().find((s) => s.name === 'tools/call write');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('tool_error');
    const points = await telemetry.points<{ count: number }>('mcp.client.operation.duration');
    expect(points.find((p) => p.attributes['gen_ai.tool.name'] === 'write')?.attributes['error.type']).toBe('tool_error');
  });

  it('names a request the caller cancelled by its error class', async () => {
    const server = new FakeServer().handle('tools/call', () => new Promise(() => {}));
    const client = await connected(server);
    const controller = new AbortController();
    const call = client.callTool('hang', {}, { signal: controller.signal });
    controller.abort();
    const error = await call.catch((caught: unknown) => caught as Error);
    await client.close();
    const span = telemetry.spans().find((s) => s.name === 'tools/call hang');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(error.name).toBe('CancelledError');
    expect(span?.attributes['error.type']).toBe('CancelledError');
    expect(span?.attributes['rpc.response.status_code']).toBeUndefined();
  });
});

describe('telemetry that throws', () => {
  it('never fails the call when the session callback throws, and still ends the span', async () => {
    const server = new FakeServer().handle('tools/call', () => ({ content: [] }));
    const client = new McpClient({
      middleware: [
        otelMiddleware({
          session: () => {
            throw new Error('no session yet');
          },
        }),
      ],
    });
    await client.connect(server.clientTransport);
    await expect(client.callTool('steady', {})).resolves.toMatchObject({ content: [] });
    await client.close();
    const span = telemetry.spans().find((s) => s.name === 'tools/call steady');
    expect(span?.events.map((event) => event.name)).toContain('mcpx.telemetry_error');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('never fails the call when the propagator throws', async () => {
    const server = new FakeServer().handle('tools/call', () => ({ content: [] }));
    const propagator = {
      inject: () => {
        throw new Error('broken propagator');
      },
      extract: (given: Context) => given,
      fields: () => [],
    };
    const client = new McpClient({ middleware: [otelMiddleware({ propagator })] });
    await client.connect(server.clientTransport);
    await expect(client.callTool('propagated', {})).resolves.toMatchObject({ content: [] });
    await client.close();
    expect(
      telemetry
        .spans()
        .find((s) => s.name === 'tools/call propagated')
        ?.events.map((event) => event.name),
    ).toContain('mcpx.telemetry_error');
  });
});

describe('the in-flight counter', () => {
  const inFlight = async (): Promise<number | undefined> =>
    (await telemetry.points('mcpx.client.active_requests')).find((point) => point.attributes['mcp.method.name'] === 'prompts/get')?.value;

  it('returns to zero after a request the server refused', async () => {
    const server = new FakeServer().handle('prompts/get', () => {
      throw new ProtocolError({ code: -32602, message: 'no such prompt' });
    });
    const client = await connected(server);
    await expect(client.getPrompt('missing')).rejects.toThrow();
    await client.close();
    expect(await inFlight()).toBe(0);
  });

  it('returns to zero after a request the caller cancelled', async () => {
    const server = new FakeServer().handle('prompts/get', () => new Promise(() => {}));
    const client = await connected(server);
    const controller = new AbortController();
    const call = client.getPrompt('hang', {}, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toThrow();
    await client.close();
    expect(await inFlight()).toBe(0);
  });
});
