import { childProcess, fs } from './node-builtins.js';

/**
 * A process found below the server, as it was when found: `startTime` (Linux: clock ticks after
 * boot, field 22 of `/proc/<pid>/stat`) tells it from a later process given the same pid.
 */
export interface ProcessRef {
  readonly pid: number;
  readonly startTime?: string | undefined;
}

const PS_TIMEOUT_MS = 5000;
/** How many `/proc/<pid>/stat` files the walk without `children` files reads between two turns of the event loop. */
const STATS_PER_TURN = 64;

/**
 * The processes descended from `pid` (children, their children...), without `pid` itself: on
 * Linux from `/proc` (each thread's `children`, or every process's parent where the kernel
 * lacks that file), elsewhere on POSIX from `ps`. Empty on Windows and when nothing can be read.
 */
export async function findDescendants(pid: number): Promise<ProcessRef[]> {
  if (process.platform === 'win32') return [];
  const rootStarted = startTimeOf(pid);
  const found = await descendantsOf(pid);
  // The process ended during the walk and another took its pid: what was found is not its own.
  return startTimeOf(pid) === rootStarted ? found : [];
}

async function descendantsOf(pid: number): Promise<ProcessRef[]> {
  if (process.platform === 'linux') {
    const viaChildren = descendantsFromChildrenFiles(pid);
    if (viaChildren !== undefined) return viaChildren;
  }
  return descendantsFromParents(pid);
}

/**
 * The descendants of `pid` found from every process's parent: each `/proc/<pid>/stat` on Linux
 * (a kernel without `children` files), `ps` elsewhere. Exported for its tests.
 */
export async function descendantsFromParents(pid: number): Promise<ProcessRef[]> {
  const parents = process.platform === 'linux' ? await parentsFromProc() : await parentsFromPs();
  return withStartTimes(walk(pid, (parent) => parents.get(parent) ?? []));
}

/** Whether the process is still the one found: alive, and (where known) started at the same time. */
export function isSameProcess(ref: ProcessRef): boolean {
  if (!isAlive(ref.pid)) return false;
  if (ref.startTime === undefined) return true;
  const fields = statFields(readText(`/proc/${ref.pid}/stat`));
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

function walk(root: number, childrenOf: (pid: number) => readonly number[]): number[] {
  const found: number[] = [];
  const seen = new Set([root]);
  let level = [root];
  while (level.length > 0) {
    const next: number[] = [];
    for (const pid of level) {
      for (const child of childrenOf(pid)) {
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
function descendantsFromChildrenFiles(root: number): ProcessRef[] | undefined {
  if (readText(`/proc/${root}/task/${root}/children`) === undefined && readText(`/proc/${root}/stat`) !== undefined) return undefined;
  const pids = walk(root, (pid) => {
    const children: number[] = [];
    for (const tid of listDirectory(`/proc/${pid}/task`)) children.push(...numbers(readText(`/proc/${pid}/task/${tid}/children`)));
    return children;
  });
  return withStartTimes(pids);
}

/** Every process's parent, from `/proc/<pid>/stat`. */
async function parentsFromProc(): Promise<Map<number, number[]>> {
  const byParent = new Map<number, number[]>();
  let read = 0;
  for (const entry of listDirectory('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // A busy host has thousands of processes: the event loop gets a turn now and then.
    if (++read % STATS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const fields = statFields(readText(`/proc/${entry}/stat`));
    if (fields === undefined) continue;
    addChild(byParent, Number(fields[1]), Number(entry));
  }
  return byParent;
}

/** Every process's parent, from `ps -A -o pid= -o ppid=` (macOS, the BSDs); empty when `ps` fails. */
function parentsFromPs(): Promise<Map<number, number[]>> {
  return new Promise((resolve) => {
    childProcess.execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { timeout: PS_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
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

function withStartTimes(pids: readonly number[]): ProcessRef[] {
  if (process.platform !== 'linux') return pids.map((pid) => ({ pid }));
  const refs: ProcessRef[] = [];
  for (const pid of pids) {
    const startTime = startTimeOf(pid);
    if (startTime !== undefined) refs.push({ pid, startTime });
  }
  return refs;
}

function startTimeOf(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  // Fields after the command: state (3) is index 0, so field 22 (starttime) is index 19.
  return statFields(readText(`/proc/${pid}/stat`))?.[19];
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

/** A file of `/proc`, read synchronously: the kernel makes it from memory, never from a disk, in microseconds. */
function readText(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    // The process is gone, or not ours to read: either way there is nothing below it to find.
    return undefined;
  }
}

/** The names in a directory of `/proc`; none when it cannot be read (the process is gone). */
function listDirectory(path: string): string[] {
  try {
    return fs.readdirSync(path);
  } catch {
    return [];
  }
}
