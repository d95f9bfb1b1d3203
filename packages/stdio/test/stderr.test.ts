import type { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, request, responseTo, useTransports } from './helpers.js';

const open = useTransports();

describe('the stderr of a server', () => {
  it('is read line by line into diagnostics with stderr: "pipe", the default', async () => {
    const server = open(faultServer('echo'));
    await server.transport.start();
    const call = request('stderr', { lines: ['debug: one', 'debug: two'] });
    await server.transport.send(call);
    await server.message(responseTo(call.id));
    await expect.poll(() => server.diagnostics.length).toBe(2);
    expect(server.diagnostics).toEqual([
      { type: 'stderr', line: 'debug: one' },
      { type: 'stderr', line: 'debug: two' },
    ]);
    expect(server.transport.stderrTail).toEqual(['debug: one', 'debug: two']);
  });

  it('never blocks the server, even flooded with 5 MB and nobody listening', async () => {
    const server = open(faultServer('stderr-flood'));
    server.transport.ondiagnostic = undefined;
    await server.transport.start();
    const ping = request('ping');
    await server.transport.send(ping);
    await server.message(responseTo(ping.id));
    await expect.poll(() => server.transport.stderrTail.at(-1)).toMatch(/^flood done after \d+ lines$/);
    expect(server.transport.stderrTail).toHaveLength(20);
  });

  it('is dropped with stderr: "ignore"', async () => {
    const server = open({ ...faultServer('crash-mid-request'), stderr: 'ignore' });
    await server.transport.start();
    await server.transport.send(request('tools/call'));
    const reason = (await server.closed) as ConnectionClosedError;
    expect(reason.exitCode).toBe(3);
    expect(reason.stderrTail).toEqual([]);
    expect(server.diagnostics).toEqual([]);
  });
});
