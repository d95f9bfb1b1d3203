import { execFile } from 'node:child_process';
import type * as FsPromises from 'node:fs/promises';

/**
 * A process found below the server, as it was when found: `startTime` (Linux: clock ticks after
 * boot, field 22 of `/proc/<pid>/stat`) tells it from a later process given the same pid.
 */
export interface ProcessRef {
  readonly pid: number;
  readonly startTime?: string | undefined;
}

const PS_TIMEOUT_MS = 5000;

/**
 * The processes descended from `pid` (children, their children...), without `pid` itself: on
 * Linux from `/proc` (each thread's `children`, or every process's parent where the kernel
 * lacks that file), elsewhere on POSIX from `ps`. Empty on Windows and when nothing can be read.
 */
export async function findDescendants(pid: number): Promise<ProcessRef[]> {
  if (process.platform === 'win32') return [];
  const rootStarted = await startTimeOf(pid);
  const found = await descendantsOf(pid);
  // The process ended during the walk and another took its pid: what was found is not its own.
  return (await startTimeOf(pid)) === rootStarted ? found : [];
}

async function descendantsOf(pid: number): Promise<ProcessRef[]> {
  if (process.platform === 'linux') {
    const viaChildren = await descendantsFromChildrenFiles(pid);
    if (viaChildren !== undefined) return viaChildren;
  }
  const parents = process.platform === 'linux' ? await parentsFromProc() : await parentsFromPs();
  return walk(pid, (parent) => parents.get(parent) ?? []).then((pids) => withStartTimes(pids));
}

/** Whether the process is still the one found: alive, and (where known) started at the same time. */
export async function isSameProcess(ref: ProcessRef): Promise<boolean> {
  if (!isAlive(ref.pid)) return false;
  if (ref.startTime === undefined) return true;
  const fields = statFields(await readText(`/proc/${ref.pid}/stat`));
  // A zombie has exited, and waits only for its parent to reap it.
  return fields !== undefined && fields[0] !== 'Z' && fields[19] === ref.startTime;
}

/** True when a process with this pid exists (and may be signalled, or belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function walk(root: number, childrenOf: (pid: number) => readonly number[] | Promise<readonly number[]>): Promise<number[]> {
  const found: number[] = [];
  const seen = new Set([root]);
  let level = [root];
  while (level.length > 0) {
    const next: number[] = [];
    for (const pid of level) {
      for (const child of await childrenOf(pid)) {
        if (seen.has(child)) continue;
        seen.add(child);
        found.push(child);
        next.push(child);
      }
    }
    level = next;
  }
  return found;
}

/** Linux with `CONFIG_PROC_CHILDREN`: `/proc/<pid>/task/<tid>/children`; undefined when the kernel has no such file. */
async function descendantsFromChildrenFiles(root: number): Promise<ProcessRef[] | undefined> {
  if ((await readText(`/proc/${root}/task/${root}/children`)) === undefined && (await readText(`/proc/${root}/stat`)) !== undefined)
    return undefined;
  const pids = await walk(root, async (pid) => {
    const tasks = await (await fsPromises()).readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    const children: number[] = [];
    for (const tid of tasks) children.push(...numbers(await readText(`/proc/${pid}/task/${tid}/children`)));
    return children;
  });
  return withStartTimes(pids);
}

/** Every process's parent, from `/proc/<pid>/stat`. */
async function parentsFromProc(): Promise<Map<number, number[]>> {
  const byParent = new Map<number, number[]>();
  const entries = await (await fsPromises()).readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(await readText(`/proc/${entry}/stat`));
    if (fields === undefined) continue;
    addChild(byParent, Number(fields[1]), Number(entry));
  }
  return byParent;
}

/** Every process's parent, from `ps -A -o pid= -o ppid=` (macOS, the BSDs); empty when `ps` fails. */
function parentsFromPs(): Promise<Map<number, number[]>> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { timeout: PS_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      const byParent = new Map<number, number[]>();
      if (error === null) {
        for (const line of stdout.split('\n')) {
          const [pid, parent] = numbers(line);
          if (pid !== undefined && parent !== undefined) addChild(byParent, parent, pid);
        }
      }
      resolve(byParent);
    });
  });
}

async function withStartTimes(pids: readonly number[]): Promise<ProcessRef[]> {
  if (process.platform !== 'linux') return pids.map((pid) => ({ pid }));
  const refs: ProcessRef[] = [];
  for (const pid of pids) {
    const startTime = await startTimeOf(pid);
    if (startTime !== undefined) refs.push({ pid, startTime });
  }
  return refs;
}

async function startTimeOf(pid: number): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  // Fields after the command: state (3) is index 0, so field 22 (starttime) is index 19.
  return statFields(await readText(`/proc/${pid}/stat`))?.[19];
}

/** The fields of a `/proc/<pid>/stat` line after the command (which is in parentheses and may hold spaces), from field 3 on. */
function statFields(stat: string | undefined): string[] | undefined {
  if (stat === undefined) return undefined;
  const end = stat.lastIndexOf(')');
  return end < 0 ? undefined : stat.slice(end + 2).split(' ');
}

function addChild(byParent: Map<number, number[]>, parent: number, child: number): void {
  const children = byParent.get(parent);
  if (children === undefined) byParent.set(parent, [child]);
  else children.push(child);
}

function numbers(text: string | undefined): number[] {
  if (text === undefined) return [];
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => /^\d+$/.test(word))
    .map(Number);
}

async function readText(path: string): Promise<string | undefined> {
  // The process is gone, or not ours to read: either way there is nothing below it to find.
  return (await fsPromises()).readFile(path, 'utf8').catch(() => undefined);
}

let loadingFs: Promise<typeof FsPromises> | undefined;

/** `node:fs/promises`, loaded by the first walk: only a close that looks for descendants needs it, not the import. */
function fsPromises(): Promise<typeof FsPromises> {
  loadingFs ??= import('node:fs/promises');
  return loadingFs;
}
