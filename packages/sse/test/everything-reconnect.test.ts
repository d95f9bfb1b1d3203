import { McpClient } from '@mcpx/core';
import { startEverythingHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SseTransport } from '../src/index.js';
import { until } from './recording.js';
import { startProxy, type TcpProxy } from './tcp-proxy.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a stream to server-everything cut by the network', () => {
  it('is reopened on a new session; the client is told the old one may be gone', async () => {
    const server: HttpServerProcess = await startEverythingHttp('sse');
    cleanups.push(() => server.stop());
    const proxy: TcpProxy = await startProxy(server.port);
    cleanups.push(() => proxy.close());
    const client = new McpClient({ name: 'reconnect-test' });
    cleanups.push(() => client.close());
    const errors: Error[] = [];
    client.on('error', ({ error }) => errors.push(error));
    const transport = new SseTransport(`http://127.0.0.1:${proxy.port}/sse`, { reconnect: { backoff: () => 0, maxRetries: 3 } });
    await client.connect(transport);
    const firstEndpoint = transport.endpoint;

    proxy.cut();
    await until(() => transport.endpoint !== undefined && transport.endpoint !== firstEndpoint, 'the endpoint of the new session');

    // server-everything sends no event ids and gives every GET a new session.
    expect(new URL(transport.endpoint ?? '').searchParams.get('sessionId')).not.toBe(
      new URL(firstEndpoint ?? '').searchParams.get('sessionId'),
    );
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringContaining('reopened it without Last-Event-ID'));
    expect(client.state).toBe('connected');
  });
});
