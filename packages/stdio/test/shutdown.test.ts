import type { TransportDiagnostic } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, useTransports } from './helpers.js';

const open = useTransports();

const steps = (diagnostics: TransportDiagnostic[]): string[] =>
  diagnostics.flatMap((event) => (event.type === 'info' ? [event.message.replace(/ \d+ ms/, ' N ms')] : []));

describe('closing a server that does not exit when its stdin closes', () => {
  it('sends SIGTERM after shutdownTimeoutMs', async () => {
    const server = open({ ...faultServer('deaf'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    await server.message();
    const pid = server.transport.pid!;
    await server.transport.close();
    expect(steps(server.diagnostics)).toEqual(['the server did not exit within N ms of its stdin closing; sending SIGTERM']);
    expect(server.closeCalls).toEqual([undefined]);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it.skipIf(process.platform === 'win32')('ends one that ignores SIGTERM with SIGKILL, leaving no process', async () => {
    const server = open({ ...faultServer('ignore-sigterm'), shutdownTimeoutMs: 200 });
    await server.transport.start();
    await server.message();
    const pid = server.transport.pid!;
    await server.transport.close();
    expect(steps(server.diagnostics)).toEqual([
      'the server did not exit within N ms of its stdin closing; sending SIGTERM',
      'the server did not exit within N ms of SIGTERM; sending SIGKILL',
    ]);
    expect(server.diagnostics).toContainEqual({ type: 'stderr', line: 'ignoring SIGTERM' });
    expect(server.closeCalls).toEqual([undefined]);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });
});
