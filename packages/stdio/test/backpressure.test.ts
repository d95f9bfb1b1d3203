import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { aMoment, faultServer, request, useTransports } from './helpers.js';

const open = useTransports();

describe('sending to a server that does not read its stdin', () => {
  it('waits while the pipe is full, and rejects when the server dies meanwhile', async () => {
    const server = open(faultServer('deaf'));
    await server.transport.start();
    await server.message();
    let settled = false;
    const big = server.transport.send(request('tools/call', { blob: 'x'.repeat(4 * 1024 * 1024) }));
    big.then(
      () => (settled = true),
      () => (settled = true),
    );
    await aMoment();
    expect(settled).toBe(false);
    process.kill(server.transport.pid!, 'SIGKILL');
    // Whichever comes first, the broken pipe or the exit, fails the send.
    await expect(big).rejects.toSatisfy(ConnectionClosedError.isInstance);
    expect(await server.closed).toMatchObject({ signal: 'SIGKILL' });
  });

  it('stops waiting when the send is aborted', async () => {
    const server = open({ ...faultServer('deaf'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    await server.message();
    const controller = new AbortController();
    const big = server.transport.send(request('tools/call', { blob: 'x'.repeat(4 * 1024 * 1024) }), { signal: controller.signal });
    controller.abort(new Error('request cancelled by the caller'));
    await expect(big).rejects.toThrow('request cancelled by the caller');
  });

  it('rejects a send waiting when close() is called', async () => {
    const server = open({ ...faultServer('deaf'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    await server.message();
    const big = server.transport.send(request('tools/call', { blob: 'x'.repeat(4 * 1024 * 1024) }));
    await server.transport.close();
    await expect(big).rejects.toThrow('the transport was closed');
    expect(server.closeCalls).toEqual([undefined]);
  });
});
