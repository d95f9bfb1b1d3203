import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, isRunning, useTransports } from './helpers.js';

const open = useTransports();

function grandchildPid(message: JsonRpcMessage): number {
  if (!('method' in message) || message.method !== 'grandchild') throw new Error(`unexpected ${JSON.stringify(message)}`);
  return message.params?.pid as number;
}

describe.skipIf(process.platform === 'win32').each([
  ['in this process group (the default)', false],
  ['in a process group of its own', true],
])('a server that spawns processes of its own, %s', (_, processGroup) => {
  it('leaves no grandchild behind when a wrapper holding the pipes exits without stopping it (the npx case)', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300, processGroup });
    await server.transport.start();
    const pid = grandchildPid(await server.message());
    expect(isRunning(pid)).toBe(true);
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
    expect(server.closeCalls).toEqual([undefined]);
  });

  it('leaves no grandchild behind when the wrapper ignores its stdin closing and is killed', async () => {
    const server = open({ ...faultServer('grandchild', 'deaf', 'inherit'), shutdownTimeoutMs: 300, processGroup });
    await server.transport.start();
    const pid = grandchildPid(await server.message());
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('processGroup: true', () => {
  it('leaves no grandchild behind when the wrapper exits on its own', async () => {
    const server = open({ ...faultServer('grandchild', 'exit', 'ignore'), shutdownTimeoutMs: 300, processGroup: true });
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
  it.runIf(process.platform === 'linux')('starts the server in this process group by default when no terminal is attached', async () => {
    // A program whose stdin, stdout and stderr are pipes: the default cannot depend on how the tests were started.
    const script = `
      import { StdioTransport } from '@mcpx/stdio';
      import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
      const transport = new StdioTransport({ command: process.execPath, args: ['-e', 'process.stdin.resume()'] });
      await transport.start();
      const group = (pid) => readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[2];
      console.log(JSON.stringify({ server: group(transport.pid), own: group(process.pid) }));
      await transport.close();`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const { server, own } = JSON.parse(output) as { server: string; own: string };
    expect(server).toBe(own);
  });

  it('starts the server in this process group with processGroup: false, and close() stops it', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300, processGroup: false });
    await server.transport.start();
    const pid = server.transport.pid as number;
    expect(processGroupOf(pid)).toBe(processGroupOf(process.pid));
    await server.transport.close();
    expect(isRunning(pid)).toBe(false);
    expect(server.closeCalls).toEqual([undefined]);
  });

  it('starts the server as the leader of a group of its own with processGroup: true', async () => {
    const server = open({ ...faultServer('grandchild', 'stay', 'inherit'), shutdownTimeoutMs: 300, processGroup: true });
    await server.transport.start();
    const pid = server.transport.pid as number;
    expect(processGroupOf(pid)).toBe(pid);
    await server.transport.close();
  });
});
