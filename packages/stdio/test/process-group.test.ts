import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it, onTestFinished } from 'vitest';
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

/** The process group of `pid`: field 5 of `/proc/<pid>/stat` on Linux (no `ps` on slim images), else `ps`. */
function processGroupOf(pid: number): number {
  if (process.platform === 'linux') {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command, is in parentheses and may hold spaces: fields 3 (state), 4 (ppid) and 5 follow the last one.
    const [, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(group);
  }
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
    // Only the server is signalled: its own child is this test's to end, whether the test passes or not.
    onTestFinished(() => {
      if (isRunning(grandchild)) process.kill(grandchild, 'SIGKILL');
    });
    expect(processGroupOf(pid)).toBe(processGroupOf(process.pid));
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
    expect(server.closeCalls).toEqual([undefined]);
  });
});
