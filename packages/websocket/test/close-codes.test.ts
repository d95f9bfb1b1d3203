import { ConnectionClosedError, McpClient, TransportError } from '@mcpx/core';
import { startWebSocketBridge, type WebSocketBridge } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketTransport } from '../src/index.js';
import { rejection, request, until, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();

/** Opens a transport, lets the server close with `code` and `reason`, and returns what onclose got. */
async function closedByServer(code: number, reason: string) {
  const server = await fakeServer();
  const recording = open(server.url, { name: 'gw' });
  await recording.transport.start();
  const connection = await server.connection();
  connection.socket.close(code, reason);
  return { ...recording, reason: await recording.closed };
}

describe('a server that closes the connection', () => {
  it('with 1000 ends it with a retryable ConnectionClosedError', async () => {
    const { reason, transport, closeCalls } = await closedByServer(1000, 'bye');
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('closed with code 1000 (normal closure), reason "bye"');
    expect(transport.closeInfo).toEqual({ code: 1000, reason: 'bye' });
    expect(closeCalls).toHaveLength(1);
  });

  it('with 1001 (going away) ends it with a retryable ConnectionClosedError', async () => {
    const { reason } = await closedByServer(1001, 'restarting');
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: true, server: 'gw' });
    expect(reason?.message).toContain('code 1001 (going away), reason "restarting"');
  });

  it('with 1008 (policy violation) ends it with a TransportError not worth retrying', async () => {
    const { reason } = await closedByServer(1008, 'token expired');
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: false });
    expect(reason?.message).toContain('code 1008 (policy violation), reason "token expired"');
  });

  it('with 1011 (server error) ends it with a retryable TransportError', async () => {
    const { reason } = await closedByServer(1011, 'crashed');
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: true });
  });

  it('with an application code (4xxx) ends it with a TransportError not worth retrying', async () => {
    const { reason } = await closedByServer(4403, 'forbidden tenant');
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: false });
    expect(reason?.message).toContain('code 4403 (application-defined), reason "forbidden tenant"');
  });

  it('rejects sends afterwards, naming the close code', async () => {
    const { transport } = await closedByServer(1001, 'restarting');
    const error = await rejection(transport.send(request('ping')));
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(
      /^server "gw": the WebSocket to ws:\/\/127\.0\.0\.1:\d+\/mcp is closed: the WebSocket to .* code 1001 \(going away\), reason "restarting"/,
    );
  });
});

describe('the server process behind the bridge exiting', () => {
  let bridge: WebSocketBridge | undefined;
  const clients: McpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await bridge?.close();
  });

  it('closes the connection with 1011, a retryable TransportError the client reports', async () => {
    bridge = await startWebSocketBridge();
    const client = new McpClient({ server: 'everything' });
    clients.push(client);
    const closed = new Promise<Error | undefined>((resolve) =>
      client.on('state', (event) => event.to === 'closed' && resolve(event.reason)),
    );
    await client.connect(new WebSocketTransport(bridge.url));
    await until(() => bridge?.children.size === 1, 'the server process');
    const [child] = bridge.children;
    child?.kill('SIGKILL');
    const reason = await closed;
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: true });
    expect(reason?.message).toContain('code 1011 (internal server error), reason "the server process exited"');
  });
});
