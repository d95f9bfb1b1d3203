import { trace } from '@opentelemetry/api';
import { McpClient } from '@mcpx/core';
import { StreamableHttpTransport, type HttpRetry } from '@mcpx/http';
import { refuseOnce, startFakeMcpServer, type FakeMcpServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { otelMiddleware, otelRetryEvent } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = registerTelemetry();
});
afterAll(() => telemetry.shutdown());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // A cleanup that fails must not keep the others from running.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  telemetry.reset();
});

/** A loopback MCP server that answers tools/list with 503 once, then with its tools. */
async function refusingOnce(): Promise<FakeMcpServer> {
  const server = await startFakeMcpServer();
  cleanups.push(() => server.close());
  refuseOnce(server, 'tools/list', { tools: [] });
  return server;
}

async function connect(server: FakeMcpServer, onRetry: (retry: HttpRetry) => void): Promise<McpClient> {
  const transport = new StreamableHttpTransport(server.url(), { retry: { backoff: () => 5, onRetry } });
  const client = new McpClient({ middleware: [otelMiddleware()] });
  await client.connect(transport);
  cleanups.push(() => client.close());
  return client;
}

describe('HTTP retries seen by OpenTelemetry', () => {
  it('run the onRetry hook with the request span active, so a hook as the docs show adds its event there', async () => {
    const server = await refusingOnce();
    const client = await connect(server, ({ attempt }) => {
      trace.getActiveSpan()?.addEvent('mcpx.http.retry', { 'mcpx.retry.attempt': attempt });
    });
    await client.listTools();
    const span = telemetry.spans().find((s) => s.name === 'tools/list');
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([['mcpx.http.retry', { 'mcpx.retry.attempt': 1 }]]);
  });

  it('are recorded by otelRetryEvent as an event with the URL, method, attempt, delay and status', async () => {
    const server = await refusingOnce();
    const client = await connect(server, otelRetryEvent);
    await client.listTools();
    const span = telemetry.spans().find((s) => s.name === 'tools/list');
    expect(span?.events).toHaveLength(1);
    expect(span?.events[0]).toMatchObject({
      name: 'mcpx.http.retry',
      attributes: {
        'url.full': server.url(),
        'mcp.method.name': 'tools/list',
        'mcpx.retry.attempt': 1,
        'mcpx.retry.delay_ms': 5,
        'http.response.status_code': 503,
      },
    });
  });
});
