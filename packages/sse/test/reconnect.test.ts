import type { ServerResponse } from 'node:http';
import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake, writeEvent } from './fake-server.js';
import { deferred, immediately, recorded, request, until } from './recording.js';

const notification = (n: number) => JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { n } });

describe('a dropped event stream', () => {
  it('is reopened with Last-Event-ID, and the new endpoint replaces the old one', async () => {
    const streams: ServerResponse[] = [];
    const secondAnswer = deferred();
    const server = await startFake({
      GET: async (_req, res, count) => {
        streams.push(res);
        if (count === 1) await secondAnswer.promise;
        openWithEndpoint(res, `/message?session=${count + 1}`);
        if (count === 0) writeEvent(res, { id: '41', data: notification(1) });
      },
      POST: accept,
    });
    const t = recorded(server.url('/sse'), { reconnect: immediately });
    await t.transport.start();
    await t.transport.send(request('tools/call', 7));
    await until(() => t.messages.length === 1, 'the first message');

    streams[0]?.destroy();
    await until(() => server.requestsOf('GET').length === 2, 'the reconnection GET');
    expect(t.transport.endpoint).toBeUndefined();
    // A send made while the stream is down waits for the new endpoint.
    const waiting = t.transport.send(request('ping', 8));
    secondAnswer.resolve();
    await waiting;

    expect(server.requestsOf('GET')[1]?.headers['last-event-id']).toBe('41');
    expect(t.transport.endpoint).toBe(server.url('/message?session=2'));
    // The request pending across the drop was not replayed.
    expect(server.requestsOf('POST').map((r) => [r.path, (JSON.parse(r.body) as { id: number }).id])).toEqual([
      ['/message?session=1', 7],
      ['/message?session=2', 8],
    ]);
    expect(t.errors).toHaveLength(1);
    expect(TransportError.isInstance(t.errors[0])).toBe(true);
    expect(t.errors[0]?.message).toContain('reopened it with Last-Event-ID "41" after 1 attempt(s)');
    expect(t.errors[0]?.message).toContain('not replayed');
    expect(t.closeCalls).toEqual([]);

    writeEvent(streams[1]!, { data: notification(2) });
    await until(() => t.messages.length === 2, 'a message on the new stream');
  });

  it("waits what the server's retry field says rather than the backoff's delay", async () => {
    const server = await startFake({
      GET: (_req, res, count) => {
        openWithEndpoint(res, '/message', count === 0 ? { retry: 20 } : {});
        if (count === 0) res.end();
      },
    });
    // Ten minutes: the test can only pass if the server's 20 ms are used instead.
    const t = recorded(server.url('/sse'), { reconnect: { backoff: () => 600_000, maxRetries: 1 } });
    await t.transport.start();
    await until(() => server.requestsOf('GET').length === 2 && t.transport.endpoint !== undefined, 'the reconnection');
    expect(t.diagnostics.map((d) => ('message' in d ? d.message : ''))).toContainEqual(
      expect.stringContaining('reconnecting in 20 ms (attempt 1 of at most 1)'),
    );
    expect(server.requestsOf('GET')[1]?.headers['last-event-id']).toBeUndefined();
    expect(t.errors[0]?.message).toContain('without Last-Event-ID');
  });

  it('takes a new endpoint event on an open stream as the new POST URL', async () => {
    const streams: ServerResponse[] = [];
    const server = await startFake({
      GET: (_req, res) => {
        streams.push(res);
        openWithEndpoint(res, '/message?session=1');
      },
      POST: accept,
    });
    const t = recorded(server.url('/sse'));
    await t.transport.start();
    writeEvent(streams[0]!, { event: 'endpoint', data: '/message?session=3' });
    await until(() => t.transport.endpoint === server.url('/message?session=3'), 'the moved endpoint');
    await t.transport.send(request('ping'));
    expect(server.requestsOf('POST')[0]?.path).toBe('/message?session=3');
  });

  it('is not reopened after close()', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message') });
    const t = recorded(server.url('/sse'), { reconnect: immediately });
    await t.transport.start();
    await t.transport.close();
    await server.requestsOf('GET')[0]?.gone;
    // Give a reconnection (with no delay) every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsOf('GET')).toHaveLength(1);
    expect(t.closeCalls).toEqual([undefined]);
  });
});
