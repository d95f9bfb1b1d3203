import { SpanStatusCode } from '@opentelemetry/api';
import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otelMiddleware } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = registerTelemetry();
});
afterAll(() => telemetry.shutdown());

/** A 2026-07-28 server whose `subscriptions/listen` acknowledges and stays open until cancelled. */
function listeningServer(): FakeServer {
  const server = new FakeServer({ modernVersions: ['2026-07-28'] });
  server.handle('subscriptions/listen', (params, context) => {
    // The acknowledgement only fails once the connection is closed, when nobody waits for it.
    void server.notify('notifications/subscriptions/acknowledged', {
      _meta: { 'io.modelcontextprotocol/subscriptionId': context.requestId },
      notifications: params.notifications,
    });
    return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
  });
  return server;
}

describe('a subscriptions/listen stream', () => {
  it('is not counted in flight nor measured, and its end at close is not an error', async () => {
    const server = listeningServer();
    const client = new McpClient({ eraCache: false, middleware: [otelMiddleware()] });
    await client.connect(server.clientTransport);
    await client.subscribe({ toolsListChanged: true });
    const inFlight = await telemetry.points('mcpx.client.active_requests');
    expect(inFlight.find((p) => p.attributes['mcp.method.name'] === 'subscriptions/listen')?.value ?? 0).toBe(0);
    await client.close();
    await expect.poll(() => telemetry.spans().filter((s) => s.name === 'subscriptions/listen')).toHaveLength(1);
    const span = telemetry.spans().find((s) => s.name === 'subscriptions/listen')!;
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes['error.type']).toBeUndefined();
    const durations = await telemetry.points('mcp.client.operation.duration');
    expect(durations.filter((p) => p.attributes['mcp.method.name'] === 'subscriptions/listen')).toEqual([]);
  });
});
