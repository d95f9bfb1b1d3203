import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { descendantsFromParents, findDescendants, isSameProcess } from './descendants.js';
import { stopDescendants } from './shutdown.js';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** A node process that starts one idle child and prints its pid, then idles itself. */
async function parentOfOne(): Promise<{ parent: ChildProcess; childPid: number }> {
  const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log(c.pid); setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent);
  const [line] = (await once(parent.stdout, 'data')) as [Buffer];
  const childPid = Number(line.toString().trim());
  started.push({ kill: () => void tryKill(childPid) } as unknown as ChildProcess);
  return { parent, childPid };
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

describe.skipIf(process.platform === 'win32')('findDescendants', () => {
  it('finds the children and grandchildren of a process, not the process itself', async () => {
    const { parent, childPid } = await parentOfOne();
    const found = (await findDescendants(process.pid)).map((ref) => ref.pid);
    expect(found).toEqual(expect.arrayContaining([parent.pid, childPid]));
    expect(found).not.toContain(process.pid);
    const below = await findDescendants(parent.pid!);
    expect(below.map((ref) => ref.pid)).toEqual([childPid]);
  });

  it("finds the same from every process's parent, as where the kernel has no children files", async () => {
    const { parent, childPid } = await parentOfOne();
    expect((await descendantsFromParents(parent.pid!)).map((ref) => ref.pid)).toEqual([childPid]);
    const fromParents = (await descendantsFromParents(process.pid)).map((ref) => ref.pid);
    expect(fromParents).toEqual(expect.arrayContaining([parent.pid, childPid]));
    expect(fromParents).not.toContain(process.pid);
  });

  it('finds nothing below a process that has none, or that is gone', async () => {
    const { childPid } = await parentOfOne();
    expect(await findDescendants(childPid)).toEqual([]);
    const gone = spawn(process.execPath, ['-e', '0']);
    await once(gone, 'exit');
    expect(await findDescendants(gone.pid!)).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('stopDescendants', () => {
  it('stops the processes still running, escalating to SIGKILL for one that ignores SIGTERM', async () => {
    const deaf = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    started.push(deaf);
    await once(deaf.stdout, 'data');
    const [ref] = (await findDescendants(process.pid)).filter((found) => found.pid === deaf.pid);
    const steps: string[] = [];
    await stopDescendants([ref!], { timeoutMs: 300, onStep: (step) => steps.push(step) });
    await once(deaf, 'exit');
    expect(steps).toEqual([expect.stringContaining('sent SIGTERM'), expect.stringContaining('sent SIGKILL')]);
    expect(isSameProcess(ref!)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('leaves alone a pid now used by a process started at another time', async () => {
    const { childPid } = await parentOfOne();
    const steps: string[] = [];
    await stopDescendants([{ pid: childPid, startTime: '1' }], { timeoutMs: 300, onStep: (step) => steps.push(step) });
    expect(steps).toEqual([]);
    expect(isSameProcess((await findDescendants(process.pid)).find((ref) => ref.pid === childPid)!)).toBe(true);
  });
});
