import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { openWithEndpoint, startFake, writeEvent } from './fake-server.js';
import { immediately, recorded, until } from './recording.js';

describe('an event over maxEventBytes', () => {
  it('is an error that closes the stream while the event is still arriving; the stream is then reopened', async () => {
    const server = await startFake({
      GET: (_req, res, count) => {
        openWithEndpoint(res, '/message');
        // The first stream starts an event of 64 KiB and never finishes it.
        if (count === 0) res.write(`data: ${'x'.repeat(64 * 1024)}`);
        else writeEvent(res, { data: '{"jsonrpc":"2.0","method":"notifications/after"}' });
      },
    });
    const t = recorded(server.url('/sse'), { maxEventBytes: 4096, reconnect: immediately });
    await t.transport.start();
    await server.requestsOf('GET')[0]?.gone;
    await until(() => t.messages.length === 1, 'the message on the reopened stream');

    expect(TransportError.isInstance(t.errors[0])).toBe(true);
    expect(t.errors[0]?.message).toContain('larger than maxEventBytes (4096 bytes)');
    expect(t.errors[1]?.message).toContain('reopened it');
    expect(t.messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/after' }]);
    expect(server.requestsOf('GET')).toHaveLength(2);
    expect(t.closeCalls).toEqual([]);
  });

  it('before the endpoint makes start() reject naming the limit', async () => {
    const server = await startFake({
      GET: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`event: endpoint\ndata: /${'x'.repeat(8192)}\n\n`);
      },
    });
    const t = recorded(server.url('/sse'), { maxEventBytes: 1024 });
    await expect(t.transport.start()).rejects.toThrow('larger than maxEventBytes (1024 bytes)');
  });
});
