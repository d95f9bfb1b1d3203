import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { openStream, openWithEndpoint, startFake } from './fake-server.js';
import { recorded, request, until } from './recording.js';

describe('close()', () => {
  it('ends the stream, rejects the sends in flight, and calls onclose once without a reason', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message'), POST: () => undefined });
    const t = recorded(server.url('/sse'));
    await t.transport.start();
    const inFlight = t.transport.send(request('tools/call')).catch((e: unknown) => e);
    await until(() => server.requestsOf('POST').length === 1, 'the POST');

    await Promise.all([t.transport.close(), t.transport.close()]);
    await t.transport.close();
    const error = await inFlight;
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`the connection to ${server.url('/sse')} is closed`);
    await server.requestsOf('GET')[0]?.gone;
    await server.requestsOf('POST')[0]?.gone;
    expect(t.closeCalls).toEqual([undefined]);
    await expect(t.transport.send(request('ping'))).rejects.toSatisfy(ConnectionClosedError.isInstance);
  });

  it('during start() makes start() reject with a ConnectionClosedError, without onclose', async () => {
    const server = await startFake({ GET: (_req, res) => openStream(res) });
    const t = recorded(server.url('/sse'));
    const starting = t.transport.start().catch((e: unknown) => e);
    await until(() => server.requestsOf('GET').length === 1, 'the GET');
    await t.transport.close();
    expect(ConnectionClosedError.isInstance(await starting)).toBe(true);
    await server.requestsOf('GET')[0]?.gone;
    expect(t.closeCalls).toEqual([]);
  });

  it('before start() makes the transport unusable', async () => {
    const t = recorded('http://127.0.0.1:1/sse');
    await t.transport.close();
    await expect(t.transport.start()).rejects.toSatisfy(TransportError.isInstance);
    await expect(t.transport.send(request('ping'))).rejects.toSatisfy(ConnectionClosedError.isInstance);
    expect(t.closeCalls).toEqual([]);
  });
});

describe('misuse', () => {
  it('rejects a send before start() and a second start()', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message') });
    const t = recorded(server.url('/sse'));
    await expect(t.transport.send(request('ping'))).rejects.toThrow('cannot send before start() has resolved');
    await t.transport.start();
    await expect(t.transport.start()).rejects.toThrow('start() was already called');
  });
});
