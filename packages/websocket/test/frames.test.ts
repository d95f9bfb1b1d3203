import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { request, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();

/** A transport opened on a fresh fake server, with the server side of its connection. */
async function connected(options: { maxPayload?: number } = {}) {
  const server = await fakeServer();
  const recording = open(server.url, { ...options, name: 'fake' });
  await recording.transport.start();
  const connection = await server.connection();
  return { ...recording, server, connection };
}

const ping = { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'still here' } };

describe('frames from the server', () => {
  it('delivers each text frame as one message, and sends each message as one text frame', async () => {
    const { transport, connection, message } = await connected();
    await transport.send(request('tools/list'));
    const received = await connection.message('tools/list');
    connection.reply(received, { tools: [] });
    expect(await message((m) => 'id' in m && m.id === received.id)).toEqual({ jsonrpc: '2.0', id: received.id, result: { tools: [] } });
  });

  it('reports a binary frame as an error and stays open', async () => {
    const { connection, errors, errorCount, message, closeCalls } = await connected();
    connection.socket.send(Buffer.from(JSON.stringify(ping)), { binary: true });
    await errorCount(1);
    expect(TransportError.isInstance(errors[0])).toBe(true);
    expect(errors[0]?.message).toContain('binary frame');
    connection.send(ping);
    await message();
    expect(closeCalls).toEqual([]);
  });

  it('reports a text frame that is not JSON as an error and stays open', async () => {
    const { connection, errors, errorCount, message, closeCalls } = await connected();
    connection.send('Welcome to the gateway!');
    await errorCount(1);
    expect(errors[0]?.message).toBe('server "fake": the server sent a text frame that is not JSON, skipped: Welcome to the gateway!');
    connection.send(ping);
    await message();
    expect(closeCalls).toEqual([]);
  });

  it('reports JSON that is not a JSON-RPC message as an error and stays open', async () => {
    const { connection, errors, errorCount, message, closeCalls } = await connected();
    connection.send({ jsonrpc: '1.0', id: 1, result: {} });
    await errorCount(1);
    expect(errors[0]?.message).toContain('invalid JSON-RPC message, skipped: the "jsonrpc" member must be "2.0"');
    connection.send(ping);
    expect(await message()).toEqual(ping);
    expect(closeCalls).toEqual([]);
  });

  it('closes the connection on a frame larger than maxPayload, naming the limit', async () => {
    const { transport, connection, errors, errorCount, closed, closeCalls } = await connected({ maxPayload: 1024 });
    connection.send({ ...ping, params: { level: 'info', data: 'x'.repeat(2048) } });
    await errorCount(1);
    expect(TransportError.isInstance(errors[0])).toBe(true);
    expect(errors[0]?.message).toContain('sent a message larger than maxPayload (1024 bytes)');
    const reason = await closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('maxPayload (1024 bytes)');
    expect(await connection.closed).toMatchObject({ code: 1009 });
    expect(closeCalls).toHaveLength(1);
    await expect(transport.send(request('ping'))).rejects.toSatisfy(ConnectionClosedError.isInstance);
  });

  it('accepts a frame of exactly maxPayload bytes', async () => {
    const { connection, message, errors } = await connected({ maxPayload: 1024 });
    const base = JSON.stringify({ ...ping, params: { level: 'info', data: '' } });
    const exact = { ...ping, params: { level: 'info', data: 'y'.repeat(1024 - base.length) } };
    expect(Buffer.byteLength(JSON.stringify(exact))).toBe(1024);
    connection.send(exact);
    expect(await message()).toEqual(exact);
    expect(errors).toEqual([]);
  });

  it('closes the connection with a TransportError on a frame that breaks the WebSocket protocol', { timeout: 5000 }, async () => {
    const server = await fakeServer({ upgrade: () => 'deaf' });
    const { transport, errors, closed } = open(server.url, { closeTimeoutMs: 50 });
    await transport.start();
    // A frame with the reserved opcode 0x3, written by hand.
    server.deafSockets[0]?.write(Buffer.from([0x83, 0x00]));
    const reason = await closed;
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ isRetryable: false });
    expect(reason?.message).toContain('sent an invalid WebSocket frame (Invalid WebSocket frame: invalid opcode 3)');
    expect(errors).toEqual([reason]);
  });
});
