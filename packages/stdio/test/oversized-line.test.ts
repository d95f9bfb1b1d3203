import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, isRunning, request, useTransports } from './helpers.js';

const open = useTransports();

describe('a server that sends a line over maxLineBytes', () => {
  it('closes the connection before the line ends, with an error naming the limit', async () => {
    const server = open({ ...faultServer('oversized-line', String(1024 * 1024)), maxLineBytes: 16 * 1024, shutdownTimeoutMs: 500 });
    await server.transport.start();
    const pid = server.transport.pid!;
    const reason = await server.closed;

    expect(server.messages).toEqual([{ jsonrpc: '2.0', method: 'ready', params: {} }]);
    expect(server.errors).toHaveLength(1);
    expect(TransportError.isInstance(server.errors[0])).toBe(true);
    expect(server.errors[0]?.message).toContain('maxLineBytes (16384 bytes)');
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('maxLineBytes (16384 bytes)');
    expect(server.closeCalls).toHaveLength(1);
    expect(isRunning(pid)).toBe(false);

    const late = server.transport.send(request('ping'));
    await expect(late).rejects.toSatisfy(ConnectionClosedError.isInstance);
    await expect(late).rejects.toThrow('maxLineBytes (16384 bytes)');
  });
});
