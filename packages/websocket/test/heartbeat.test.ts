import { ConnectionClosedError, McpClient } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketTransport } from '../src/index.js';
import { rejection, request, until, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();
const clients: McpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

const fast = { heartbeatIntervalMs: 20, pongTimeoutMs: 100 };

describe('the heartbeat', () => {
  it('pings the server and stays open while it answers', async () => {
    const server = await fakeServer();
    const { transport, closeCalls } = open(server.url, fast);
    await transport.start();
    const connection = await server.connection();
    let pings = 0;
    connection.socket.on('ping', () => pings++);
    await until(() => pings >= 5, 'five pings');
    expect(closeCalls).toEqual([]);
    await transport.send(request('ping'));
    await connection.message('ping');
  });

  it('sends no pings with heartbeatIntervalMs 0', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url, { heartbeatIntervalMs: 0 });
    await transport.start();
    const connection = await server.connection();
    let pings = 0;
    connection.socket.on('ping', () => pings++);
    // A round trip through the server proves that any ping sent before it has arrived.
    await transport.send(request('ping'));
    await connection.message('ping');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await transport.send(request('tools/list'));
    await connection.message('tools/list');
    expect(pings).toBe(0);
  });
});

describe('a server that stops answering pings', () => {
  it('cuts the connection and closes with a retryable ConnectionClosedError', async () => {
    const server = await fakeServer({ autoPong: false });
    const { transport, closed, closeCalls } = open(server.url, { ...fast, name: 'quiet' });
    await transport.start();
    const reason = await closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: true, server: 'quiet' });
    expect(reason?.message).toContain('stopped answering pings (no pong within 100 ms)');
    expect(closeCalls).toHaveLength(1);
    await expect(transport.send(request('ping'))).rejects.toSatisfy(ConnectionClosedError.isInstance);
  });

  it('rejects the pending requests of a client on a half-open socket', async () => {
    // 'deaf': the server answered the upgrade, then vanished without closing its socket.
    const server = await fakeServer({ upgrade: () => 'deaf' });
    const transport = new WebSocketTransport(server.url, fast);
    const client = new McpClient({ server: 'deaf' });
    clients.push(client);
    const error = await rejection(client.connect(transport));
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(ConnectionClosedError.isInstance(error.cause)).toBe(true);
    expect((error.cause as Error).message).toContain('stopped answering pings');
    expect(client.state).toBe('closed');
  });
});
