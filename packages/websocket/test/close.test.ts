import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { rejection, request, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();

describe('close()', () => {
  it('sends a close frame with 1000 and calls onclose once, without a reason', async () => {
    const server = await fakeServer();
    const { transport, closeCalls } = open(server.url);
    await transport.start();
    const connection = await server.connection();
    await transport.close();
    expect(await connection.closed).toEqual({ code: 1000, reason: '' });
    expect(closeCalls).toEqual([undefined]);
    expect(transport.closeInfo?.code).toBe(1000);
  });

  it('can be called many times, also at once, and every call resolves once closed', async () => {
    const server = await fakeServer();
    const { transport, closeCalls } = open(server.url);
    await transport.start();
    await Promise.all([transport.close(), transport.close()]);
    await transport.close();
    expect(closeCalls).toEqual([undefined]);
  });

  it('makes later sends reject with a ConnectionClosedError', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url);
    await transport.start();
    await transport.close();
    const error = await rejection(transport.send(request('ping')));
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('is closed');
  });

  it('cuts the socket after closeTimeoutMs when the server does not answer the close frame', { timeout: 5000 }, async () => {
    const server = await fakeServer({ upgrade: () => 'deaf' });
    const { transport, closeCalls, diagnostics } = open(server.url, { closeTimeoutMs: 50 });
    await transport.start();
    await transport.close();
    expect(closeCalls).toEqual([undefined]);
    expect(diagnostics).toEqual([
      { type: 'info', message: 'the server did not answer the close frame within 50 ms, so the connection was cut' },
    ]);
  });

  it('reports nothing of the sort when the server answers the close frame', async () => {
    const server = await fakeServer();
    const { transport, diagnostics } = open(server.url);
    await transport.start();
    await transport.close();
    expect(diagnostics).toEqual([]);
  });
});

describe('a server that sends a close frame but keeps the socket open', () => {
  it('is cut after closeTimeoutMs, and onclose names its close code', { timeout: 5000 }, async () => {
    const server = await fakeServer({ upgrade: () => 'deaf' });
    const { transport, closed } = open(server.url, { closeTimeoutMs: 50 });
    await transport.start();
    // An unmasked close frame with code 1001 (0x03e9), written by hand.
    server.deafSockets[0]?.write(Buffer.from([0x88, 0x02, 0x03, 0xe9]));
    const reason = await closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('code 1001 (going away)');
  });

  it('before start() leaves nothing to do, and start() then refuses', async () => {
    const server = await fakeServer();
    const { transport, closeCalls } = open(server.url);
    await transport.close();
    expect(TransportError.isInstance(await rejection(transport.start()))).toBe(true);
    expect(server.upgrades).toEqual([]);
    expect(closeCalls).toEqual([]);
  });
});

describe('send()', () => {
  it('rejects before start() has resolved', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url);
    const error = await rejection(transport.send(request('ping')));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.message).toContain('before start() has resolved');
  });

  it('rejects a message that cannot be serialised, and stays open', async () => {
    const server = await fakeServer();
    const { transport, closeCalls } = open(server.url);
    await transport.start();
    const error = await rejection(transport.send(request('tools/call', { n: 1n })));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.message).toContain('could not be serialised as JSON');
    await transport.send(request('ping'));
    expect(closeCalls).toEqual([]);
  });

  it('rejects with the reason of an aborted signal without sending', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url);
    await transport.start();
    const connection = await server.connection();
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(transport.send(request('tools/list'), { signal: controller.signal })).rejects.toThrow('caller gave up');
    await transport.send(request('ping'));
    await connection.message('ping');
    expect(connection.received.map((message) => message.method)).toEqual(['ping']);
  });
});
