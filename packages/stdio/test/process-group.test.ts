import { execFileSync } from 'node:child_process';
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

/** The process group of `pid`, as `ps` reports it. */
function processGroupOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

describe.skipIf(process.platform === 'win32')('processGroup', () => {
  it('starts the server as the leader of a group of its own by default', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300 });
    await server.transport.start();
    const pid = server.transport.pid as number;
    expect(processGroupOf(pid)).toBe(pid);
    await server.transport.close();
  });

  it('starts the server in this process group with processGroup: false, and close() still stops it', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300, processGroup: false });
    await server.transport.start();
    const pid = server.transport.pid as number;
    const grandchild = grandchildPid(await server.message());
    expect(processGroupOf(pid)).toBe(processGroupOf(process.pid));
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
    expect(server.closeCalls).toEqual([undefined]);
    // Only the server was signalled: its own child is this test's to end.
    if (isRunning(grandchild)) process.kill(grandchild, 'SIGKILL');
  });
});
