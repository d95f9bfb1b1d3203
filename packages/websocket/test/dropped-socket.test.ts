import { ConnectionClosedError, McpClient } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketTransport } from '../src/index.js';
import { rejection, request, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();
const clients: McpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('a server that drops the socket mid-request', () => {
  it('rejects every pending request with a ConnectionClosedError at once', async () => {
    const server = await fakeServer();
    const client = new McpClient({ server: 'fake' });
    clients.push(client);
    await client.connect(new WebSocketTransport(server.url, { name: 'fake' }));
    const connection = await server.connection();
    const calls = [client.callTool('slow', {}), client.listTools()].map(rejection);
    await connection.message('tools/call');
    await connection.message('tools/list');
    connection.socket.terminate();
    const errors = await Promise.all(calls);
    for (const error of errors) {
      expect(ConnectionClosedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ isRetryable: true, server: 'fake' });
    }
    expect(client.state).toBe('closed');
  });

  it('calls onclose once with a retryable ConnectionClosedError naming code 1006, and does not reconnect', async () => {
    const server = await fakeServer();
    const { transport, closed, closeCalls } = open(server.url);
    await transport.start();
    await transport.send(request('tools/call', { name: 'slow' }));
    const connection = await server.connection();
    await connection.message('tools/call');
    connection.socket.terminate();
    const reason = await closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: true });
    expect(reason?.message).toContain('closed with code 1006 (abnormal closure');
    expect(transport.closeInfo).toEqual({ code: 1006, reason: '' });
    await transport.close();
    expect(closeCalls).toHaveLength(1);
    expect(server.upgrades).toHaveLength(1);
  });

  it('rejects sends after the drop with a ConnectionClosedError naming why, without sending them later', async () => {
    const server = await fakeServer();
    const { transport, closed } = open(server.url);
    await transport.start();
    const connection = await server.connection();
    connection.socket.terminate();
    await closed;
    const error = await rejection(transport.send(request('tools/list')));
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('is closed: the WebSocket to');
    expect(connection.received.filter((message) => message.method === 'tools/list')).toEqual([]);
  });
});
