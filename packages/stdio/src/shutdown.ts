import type { ChildProcess } from 'node:child_process';
import { isSameProcess, type ProcessRef } from './descendants.js';

/** A spawned server process, as the shutdown sequence sees it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Settles when the process has exited (and been reaped). */
  readonly exited: Promise<unknown>;
  /** Whether the process leads its own process group (POSIX, spawned `detached`). */
  readonly ownsGroup: boolean;
}

/** Settings of the shutdown sequence. */
export interface ShutdownSettings {
  /** How long each step waits for the process to exit. */
  timeoutMs: number;
  /** Told about each escalation, for diagnostics. */
  onStep?: (message: string) => void;
}

const GROUP_POLL_MS = 25;

/**
 * Stops a server whose stdin was just closed: waits for it to exit, then sends SIGTERM,
 * waits, then SIGKILL, each to the whole process group where it leads one. Then ends
 * whatever is left of its group (grandchildren of an `npx` wrapper, say) the same way, or,
 * when it leads none, those of `descendants` (found before its stdin was closed) still running.
 */
export async function stopProcess(
  server: ServerProcess,
  settings: ShutdownSettings,
  descendants: readonly ProcessRef[] = [],
): Promise<void> {
  const { timeoutMs, onStep } = settings;
  if (!(await settlesWithin(server.exited, timeoutMs))) {
    onStep?.(`the server did not exit within ${timeoutMs} ms of its stdin closing; sending SIGTERM`);
    signalServer(server, 'SIGTERM');
    if (!(await settlesWithin(server.exited, timeoutMs))) {
      onStep?.(`the server did not exit within ${timeoutMs} ms of SIGTERM; sending SIGKILL`);
      signalServer(server, 'SIGKILL');
      if (!(await settlesWithin(server.exited, timeoutMs)))
        onStep?.(`the server had not exited ${timeoutMs} ms after SIGKILL; giving up on it`);
    }
  }
  if (server.ownsGroup && server.child.pid !== undefined) await stopGroup(server.child.pid, settings);
  else if (descendants.length > 0) await stopDescendants(descendants, settings);
}

/**
 * Ends the processes of `descendants` still running after the server exited (they may hold
 * its pipes, or have outlived a wrapper): SIGTERM, then SIGKILL to those still there after
 * `timeoutMs`. A pid now used by another process (Linux: another start time) is left alone.
 */
export async function stopDescendants(descendants: readonly ProcessRef[], settings: ShutdownSettings): Promise<void> {
  let left = stillRunning(descendants);
  if (left.length === 0) return;
  for (const ref of left) sendSignal(ref.pid, 'SIGTERM');
  settings.onStep?.(`processes started by the server were still running after it exited (pids ${pidList(left)}); sent SIGTERM`);
  if (await goneWithin(() => (left = stillRunning(left)).length === 0, settings.timeoutMs)) return;
  for (const ref of left) sendSignal(ref.pid, 'SIGKILL');
  settings.onStep?.(
    `processes started by the server were still running ${settings.timeoutMs} ms after SIGTERM (pids ${pidList(left)}); sent SIGKILL`,
  );
}

function stillRunning(refs: readonly ProcessRef[]): ProcessRef[] {
  return refs.filter((ref) => isSameProcess(ref));
}

function pidList(refs: readonly ProcessRef[]): string {
  return refs.map((ref) => ref.pid).join(', ');
}

/**
 * Ends the processes left in the group `pgid` after its leader exited: SIGTERM, then
 * SIGKILL to those still there after `timeoutMs`. Returns at once when the group is empty.
 */
export async function stopGroup(pgid: number, settings: ShutdownSettings): Promise<void> {
  if (!sendSignal(-pgid, 'SIGTERM')) return;
  settings.onStep?.(`processes were left in the server's process group ${pgid}; sent SIGTERM`);
  if (await goneWithin(() => !sendSignal(-pgid, 0), settings.timeoutMs)) return;
  if (sendSignal(-pgid, 'SIGKILL'))
    settings.onStep?.(`processes were left in the server's process group ${pgid} after SIGTERM; sent SIGKILL`);
}

/** Signals the process, through its group when it leads one, so its children get it too. */
function signalServer(server: ServerProcess, signal: NodeJS.Signals): void {
  const pid = server.child.pid;
  if (server.ownsGroup && pid !== undefined && sendSignal(-pid, signal)) return;
  // Windows (no process groups: kill() terminates the process) or a group already empty.
  server.child.kill(signal);
}

/**
 * Sends `signal` to a process, or to a process group given as its negated id; false when
 * there is no such process (a group: none left) or none we may signal.
 */
function sendSignal(target: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH' || code === 'EPERM') return false;
    throw error;
  }
}

/** Polls `gone` every 25 ms until it holds (true) or `timeoutMs` has passed (false). */
async function goneWithin(gone: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!gone()) {
    if (Date.now() >= deadline) return false;
    await delay(GROUP_POLL_MS);
  }
  return true;
}

/** True when `promise` settles within `ms`; clears its timer either way. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
