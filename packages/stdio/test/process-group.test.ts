import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, isRunning, useTransports } from './helpers.js';

const open = useTransports();

function grandchildPid(message: JsonRpcMessage): number {
  if (!('method' in message) || message.method !== 'grandchild') throw new Error(`unexpected ${JSON.stringify(message)}`);
  return message.params?.pid as number;
}

describe.skipIf(process.platform === 'win32')('a server that spawns processes of its own', () => {
  it('leaves no grandchild behind when a wrapper holding the pipes exits without stopping it (the npx case)', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300 });
    await server.transport.start();
    const pid = grandchildPid(await server.message());
    expect(isRunning(pid)).toBe(true);
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
    expect(server.closeCalls).toEqual([undefined]);
  });

  it('leaves no grandchild behind when the wrapper exits on its own', async () => {
    const server = open({ ...faultServer('grandchild', 'exit', 'ignore'), shutdownTimeoutMs: 300 });
    await server.transport.start();
    const pid = grandchildPid(await server.message());
    const reason = await server.closed;
    expect(reason).toMatchObject({ exitCode: 0 });
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
  });
});
