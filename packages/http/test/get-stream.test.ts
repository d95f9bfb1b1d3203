import { openSse, sseEvent } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { until, useFakes } from './helpers.js';

const listChanged = { jsonrpc: '2.0', method: 'notifications/tools/list_changed' };

describe('the GET stream', () => {
  const fakes = useFakes();

  it('opens after notifications/initialized, in the session, and delivers what the server sends on it', async () => {
    const server = await fakes.mcpServer();
    server.onGet((_, response) => {
      openSse(response);
      response.write(sseEvent({ id: 'g-1', data: '' }));
      response.write(sseEvent({ id: 'g-2', event: 'message', data: listChanged }));
    });
    const { client } = await fakes.client(server.url());
    const methods: string[] = [];
    client.on('notification', (event) => methods.push(event.method));
    await until(() => methods.length > 0, 'the notification');
    expect(methods).toEqual(['notifications/tools/list_changed']);
    const order = server.requests.map((r) => r.rpcMethod ?? r.method);
    expect(order.indexOf('GET')).toBeGreaterThan(order.indexOf('notifications/initialized'));
    const get = server.requests.find((r) => r.method === 'GET');
    expect(get?.headers).toMatchObject({
      accept: 'text/event-stream',
      'mcp-session-id': 'session-1',
      'mcp-protocol-version': '2025-11-25',
    });
    expect(get?.headers).not.toHaveProperty('last-event-id');
  });

  it('tolerates 405: no error, a diagnostic, and requests keep working', async () => {
    const server = await fakes.mcpServer();
    const { client, errors, diagnostics } = await fakes.client(server.url());
    await until(() => diagnostics.length > 0, 'the diagnostic');
    expect(diagnostics).toEqual([{ type: 'info', message: expect.stringContaining('no GET stream (405)') }]);
    await client.ping();
    expect(errors).toEqual([]);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('is resumed with Last-Event-ID when the server drops it', async () => {
    const server = await fakes.mcpServer();
    let gets = 0;
    server.onGet((request, response) => {
      gets++;
      openSse(response);
      if (gets === 1) response.end(sseEvent({ id: 'g-7', data: listChanged }));
      else if (request.headers['last-event-id'] === 'g-7')
        response.write(sseEvent({ id: 'g-8', data: { jsonrpc: '2.0', method: 'notifications/prompts/list_changed' } }));
    });
    const { client } = await fakes.client(server.url());
    const methods: string[] = [];
    client.on('notification', (event) => methods.push(event.method));
    await until(() => methods.length === 2, 'both notifications');
    expect(methods).toEqual(['notifications/tools/list_changed', 'notifications/prompts/list_changed']);
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.headers['last-event-id'])).toEqual([undefined, 'g-7']);
  });

  it('keeps the session when the server answers it with 404', async () => {
    const server = await fakes.mcpServer();
    server.onGet((_, response) => void response.writeHead(404).end());
    const { client, transport, diagnostics, errors } = await fakes.client(server.url());
    await until(() => diagnostics.length > 0, 'the diagnostic');
    await client.listTools();
    expect(transport.sessionId).toBe('session-1');
    expect(server.posts('initialize')).toHaveLength(1);
    expect(server.posts('tools/list')[0]?.headers['mcp-session-id']).toBe('session-1');
    expect(errors).toEqual([]);
  });

  it('reports giving up to onerror with a TransportError, not silence', async () => {
    const server = await fakes.mcpServer();
    server.onGet((_, response) => void response.writeHead(503).end());
    const { errors } = await fakes.client(server.url(), { reconnect: { backoff: () => 5, maxRetries: 2 } });
    await until(() => errors.length > 0, 'the error');
    expect(errors[0]).toMatchObject({
      code: 'TRANSPORT_ERROR',
      isRetryable: true,
      message: expect.stringContaining('the GET stream was lost and could not be reconnected (gave up after 2 attempts)'),
    });
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('skips a malformed event and keeps the stream', async () => {
    const server = await fakes.mcpServer();
    server.onGet((_, response) => {
      openSse(response);
      response.write(': comment\n\n');
      response.write(sseEvent({ data: '<html>oops</html>' }));
      response.write(sseEvent({ data: listChanged }));
    });
    const { client, errors } = await fakes.client(server.url());
    const methods: string[] = [];
    client.on('notification', (event) => methods.push(event.method));
    await until(() => methods.length > 0, 'the notification');
    expect(errors).toEqual([expect.objectContaining({ code: 'TRANSPORT_ERROR', message: expect.stringContaining('malformed JSON') })]);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });
});

describe('the GET stream, with an event over maxEventBytes', () => {
  const fakes = useFakes();

  it('reports it and stops, leaving requests working', async () => {
    const server = await fakes.mcpServer();
    server.onGet((_, response) => {
      openSse(response);
      response.write(
        sseEvent({ id: 'big', data: { jsonrpc: '2.0', method: 'notifications/message', params: { data: 'q'.repeat(10_000) } } }),
      );
    });
    const { client, errors } = await fakes.client(server.url(), { maxEventBytes: 2048 });
    await until(() => errors.length > 0, 'the error');
    expect(errors[0]?.message).toContain('larger than maxEventBytes (2048 bytes) on the GET stream');
    await client.ping();
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });
});
