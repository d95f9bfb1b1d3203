import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake } from './fake-server.js';
import { recorded, request } from './recording.js';

describe('a POST the server refuses', () => {
  it.each([
    [500, 'internal failure', true],
    [404, 'Session not found', false],
    [400, 'Invalid message', false],
  ])(
    'with %i rejects the send with a TransportError carrying the status and body; the connection stays',
    async (status, body, retryable) => {
      let failNext = true;
      const server = await startFake({
        GET: (_req, res) => openWithEndpoint(res, '/message?sessionId=s1'),
        POST: (req, res, count) => {
          if (!failNext) return accept(req, res, count);
          failNext = false;
          res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
        },
      });
      const t = recorded(server.url('/sse'));
      await t.transport.start();
      const error: unknown = await t.transport.send(request('ping')).catch((e: unknown) => e);
      expect(TransportError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status, isRetryable: retryable, target: server.url('/message?sessionId=s1') });
      expect((error as Error).message).toContain(`POST ${server.url('/message?sessionId=s1')} answered ${status}`);
      expect((error as Error).message).toContain(body);

      await t.transport.send(request('ping', 2));
      expect(server.requestsOf('POST')).toHaveLength(2);
      expect(t.closeCalls).toEqual([]);
    },
  );

  it("rejects a send with the caller's reason when its signal aborts the POST", async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message'), POST: () => undefined });
    const t = recorded(server.url('/sse'));
    await t.transport.start();
    const controller = new AbortController();
    const sending = t.transport.send(request('ping'), { signal: controller.signal });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => server.requestsOf('POST').length > 0 && (clearInterval(check), resolve()), 5);
    });
    controller.abort(new Error('caller gave up'));
    await expect(sending).rejects.toThrow('caller gave up');
    expect(t.closeCalls).toEqual([]);
  });
});
