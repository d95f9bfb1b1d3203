import type { ServerResponse } from 'node:http';
import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake, writeEvent } from './fake-server.js';
import { recorded, request, until } from './recording.js';

describe('a malformed message event', () => {
  it('goes to onerror and the connection keeps working', async () => {
    let stream: ServerResponse | undefined;
    const server = await startFake({
      GET: (_req, res) => {
        stream = res;
        openWithEndpoint(res, '/message');
      },
      POST: accept,
    });
    const t = recorded(server.url('/sse'));
    await t.transport.start();
    writeEvent(stream!, { data: 'this is not JSON' });
    writeEvent(stream!, { event: 'message', data: '{"jsonrpc":"1.0","method":"x"}' });
    writeEvent(stream!, { event: 'progress', data: '{}' });
    writeEvent(stream!, { data: '[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}]' });
    writeEvent(stream!, { data: '{"jsonrpc":"2.0","id":1,"result":{}}' });
    await until(() => t.messages.length === 3, 'the valid messages');

    expect(t.messages).toEqual([
      { jsonrpc: '2.0', method: 'a' },
      { jsonrpc: '2.0', method: 'b' },
      { jsonrpc: '2.0', id: 1, result: {} },
    ]);
    expect(t.errors).toHaveLength(2);
    expect(t.errors.every((e) => TransportError.isInstance(e))).toBe(true);
    expect(t.errors[0]?.message).toContain('invalid JSON-RPC message');
    expect(t.errors[0]?.message).toContain('not JSON');
    expect(t.errors[0]?.message).toContain('this is not JSON');
    expect(t.errors[1]?.message).toContain('the "jsonrpc" member must be "2.0"');
    expect(t.diagnostics).toContainEqual({ type: 'info', message: expect.stringContaining('skipped an event of type "progress"') });
    expect(t.closeCalls).toEqual([]);
    await t.transport.send(request('ping'));
    expect(server.requestsOf('GET')).toHaveLength(1);
  });

  it('thrown at by onmessage is reported to onerror, and later messages still arrive', async () => {
    let stream: ServerResponse | undefined;
    const server = await startFake({
      GET: (_req, res) => {
        stream = res;
        openWithEndpoint(res, '/message');
      },
    });
    const t = recorded(server.url('/sse'));
    const received: unknown[] = [];
    t.transport.onmessage = (message) => {
      received.push(message);
      if (received.length === 1) throw new Error('handler bug');
    };
    await t.transport.start();
    writeEvent(stream!, { data: '{"jsonrpc":"2.0","method":"one"}' });
    writeEvent(stream!, { data: '{"jsonrpc":"2.0","method":"two"}' });
    await until(() => received.length === 2, 'both messages');
    expect(t.errors.map((e) => e.message)).toEqual(['handler bug']);
  });
});
