import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { openWithEndpoint, startFake } from './fake-server.js';
import { deferred, recorded, request, until } from './recording.js';

describe('reconnecting that fails', () => {
  it('gives up after maxRetries: an onerror TransportError with the last status, then onclose with it, once', async () => {
    const firstRetry = deferred();
    const server = await startFake({
      GET: async (_req, res, count) => {
        if (count === 0) {
          openWithEndpoint(res, '/message');
          res.end();
          return;
        }
        if (count === 1) await firstRetry.promise;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded');
      },
    });
    const t = recorded(server.url('/sse'), { reconnect: { backoff: () => 0, maxRetries: 2 } });
    await t.transport.start();
    await until(() => server.requestsOf('GET').length === 2, 'the first reconnection attempt');
    const pending = t.transport.send(request('ping')).catch((e: unknown) => e);
    firstRetry.resolve();

    const reason = await t.closed;
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ status: 503, isRetryable: true, target: server.url('/sse') });
    expect(reason?.message).toContain('gave up on the event stream');
    expect(reason?.message).toContain('after 2 reconnection attempt(s)');
    expect(reason?.message).toContain('overloaded');
    expect(t.errors.at(-1)).toBe(reason);
    expect(server.requestsOf('GET')).toHaveLength(3);

    const error = await pending;
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('gave up on the event stream');
    await t.transport.close();
    expect(t.closeCalls).toHaveLength(1);
  });

  it('stops at once on a status that will not change, such as 404', async () => {
    const server = await startFake({
      GET: (_req, res, count) => {
        if (count > 0) return res.writeHead(404).end('no such session');
        openWithEndpoint(res, '/message');
        res.end();
      },
    });
    const t = recorded(server.url('/sse'), { reconnect: { backoff: () => 0, maxRetries: 5 } });
    await t.transport.start();
    const reason = await t.closed;
    expect(reason).toMatchObject({ status: 404, isRetryable: false });
    expect(reason?.message).toContain('after 1 reconnection attempt(s)');
    expect(server.requestsOf('GET')).toHaveLength(2);
  });

  it('with reconnect: false, closes on the first drop with an error saying so', async () => {
    const server = await startFake({
      GET: (_req, res) => {
        openWithEndpoint(res, '/message');
        res.end();
      },
    });
    const t = recorded(server.url('/sse'), { reconnect: false });
    await t.transport.start();
    const reason = await t.closed;
    expect(TransportError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('the server closed the event stream');
    expect(t.errors).toEqual([reason]);
    expect(server.requestsOf('GET')).toHaveLength(1);
  });

  it('gives up when the backoff policy says so', async () => {
    const server = await startFake({
      GET: (_req, res, count) => {
        if (count > 0) return res.writeHead(502).end();
        openWithEndpoint(res, '/message');
        res.end();
      },
    });
    const t = recorded(server.url('/sse'), { reconnect: { backoff: (attempt) => (attempt < 1 ? 0 : undefined), maxRetries: 10 } });
    await t.transport.start();
    const reason = await t.closed;
    expect(reason).toMatchObject({ status: 502 });
    expect(server.requestsOf('GET')).toHaveLength(2);
  });
});
