import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, request, useTransports } from './helpers.js';

const open = useTransports();

describe('a server that closes one of its pipes but keeps running', () => {
  it('is stopped, with a reason, when it closes its stdout', async () => {
    const server = open({ ...faultServer('half-closed', 'stdout'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    const pid = server.transport.pid!;
    const reason = await server.closed;
    expect(server.messages).toEqual([{ jsonrpc: '2.0', method: 'ready', params: { closing: 'stdout' } }]);
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('the server closed its stdout while still running');
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('is stopped, with a reason, when it closes its stdin, and sends fail', async () => {
    const server = open({ ...faultServer('half-closed', 'stdin'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    await server.message();
    // The first write may still fit in the pipe before the broken pipe is noticed; keep writing until one fails.
    let failure: unknown;
    for (let attempt = 0; attempt < 50 && failure === undefined; attempt += 1) {
      await server.transport.send(request('ping')).catch((error: unknown) => (failure = error));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(ConnectionClosedError.isInstance(failure)).toBe(true);
    const reason = await server.closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason?.message).toContain('the server closed its stdin while still running');
    expect(server.closeCalls).toHaveLength(1);
  });
});
