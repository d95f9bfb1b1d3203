import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { initialize, request, until, useFakes } from './helpers.js';

describe('close()', () => {
  const fakes = useFakes();

  it('ends the session with DELETE, stops the GET stream, and calls onclose once', async () => {
    const server = await fakes.mcpServer();
    let getClosed = false;
    server.onGet((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' }).flushHeaders();
      response.on('close', () => {
        getClosed = true;
      });
    });
    const { transport, closeCalls } = fakes.transport(server.url());
    await transport.start();
    await transport.send(initialize());
    transport.setProtocolVersion('2025-11-25');
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await until(() => server.requests.some((r) => r.method === 'GET'), 'the GET stream to open');
    await transport.close();
    await transport.close();
    const deletes = server.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.headers['mcp-session-id'], r.headers['mcp-protocol-version']])).toEqual([['session-1', '2025-11-25']]);
    expect(closeCalls).toEqual([undefined]);
    await expect(transport.send(request('ping'))).rejects.toSatisfy(ConnectionClosedError.isInstance);
    await until(() => getClosed, 'the GET stream to close');
  });

  it('tolerates 405 on DELETE', async () => {
    const server = await fakes.mcpServer();
    server.onDelete((_, response) => void response.writeHead(405).end());
    const { transport, diagnostics, errors } = fakes.transport(server.url());
    await transport.start();
    await transport.send(initialize());
    await transport.close();
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(diagnostics).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('sends no DELETE before a session exists', async () => {
    const server = await fakes.mcpServer();
    const { transport, closeCalls } = fakes.transport(server.url());
    await transport.start();
    await transport.close();
    expect(server.requests).toEqual([]);
    expect(closeCalls).toEqual([undefined]);
  });

  it('rejects a send made before start()', async () => {
    const server = await fakes.mcpServer();
    const { transport } = fakes.transport(server.url());
    await expect(transport.send(request('ping'))).rejects.toThrow('cannot send before start()');
    expect(transport.description).toBe(server.url());
  });
});
