import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, request, useTransports } from './helpers.js';

const open = useTransports();

describe('a server that crashes while handling a request', () => {
  it('closes with a ConnectionClosedError carrying the exit code and the last stderr lines', async () => {
    const server = open({ ...faultServer('crash-mid-request'), name: 'crashy' });
    await server.transport.start();
    await server.transport.send(request('tools/call', { name: 'boom' }));
    const reason = await server.closed;
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    const closed = reason as ConnectionClosedError;
    expect(closed.exitCode).toBe(3);
    expect(closed.signal).toBeNull();
    expect(closed.stderrTail).toEqual([
      'starting to handle the request',
      'fatal: cannot handle tools/call',
      '    at handler (crash-mid-request.mjs)',
    ]);
    expect(closed.message).toContain('(exit code 3)');
    expect(closed.message).toContain('fatal: cannot handle tools/call');
    expect(server.closeCalls).toHaveLength(1);
    await expect(server.transport.send(request('ping'))).rejects.toMatchObject({ exitCode: 3 });
  });

  it('keeps only stderrTailLines lines', async () => {
    const server = open({ ...faultServer('crash-mid-request'), stderrTailLines: 1 });
    await server.transport.start();
    await server.transport.send(request('tools/call'));
    const reason = (await server.closed) as ConnectionClosedError;
    expect(reason.stderrTail).toEqual(['    at handler (crash-mid-request.mjs)']);
  });

  it('reports the signal of a server killed from outside', async () => {
    const server = open(faultServer('echo'));
    await server.transport.start();
    process.kill(server.transport.pid!, 'SIGKILL');
    const reason = (await server.closed) as ConnectionClosedError;
    expect(reason).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    expect(reason.message).toContain('(killed by SIGKILL)');
  });
});
