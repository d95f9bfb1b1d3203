import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, request, responseTo, useTransports } from './helpers.js';

const open = useTransports();

describe('a server that writes more than JSON-RPC to stdout', () => {
  it('reports non-JSON lines as diagnostics, invalid messages as errors, and still delivers every message', async () => {
    const server = open(faultServer('noisy-stdout'));
    await server.transport.start();
    await server.message((message) => 'method' in message && message.method === 'crlf');
    expect(server.messages).toEqual([
      { jsonrpc: '2.0', method: 'batched/one' },
      { jsonrpc: '2.0', method: 'batched/two' },
      { jsonrpc: '2.0', method: 'crlf', params: { ok: true } },
    ]);
    expect(server.diagnostics.filter((event) => event.type === 'non-json')).toEqual([
      { type: 'non-json', line: 'Server v1.2.3 starting, listening on stdio' },
    ]);
    expect(server.errors).toHaveLength(1);
    expect(TransportError.isInstance(server.errors[0])).toBe(true);
    expect(server.errors[0]?.message).toContain('{"hello":"not json-rpc"}');

    const ping = request('ping');
    await server.transport.send(ping);
    await server.message(responseTo(ping.id));
    expect(server.closeCalls).toEqual([]);
  });
});
