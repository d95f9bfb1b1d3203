import type { OptionKeys } from '@mcpx/core/internal';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { delay, type Clock } from './clock.js';
import type { InFlight } from './in-flight.js';
import type { RegistrySnapshot } from './stats.js';

/** Options of `McpRegistry.close`. */
export interface CloseOptions {
  /** How long calls in flight may take to finish before their connections are closed under them, in milliseconds. @default 10000 */
  deadlineMs?: number | undefined;
  /** Where to write the final snapshot of states and statistics as JSON; nothing is written without it. */
  snapshotPath?: string | undefined;
}

/** Every option of `CloseOptions`, for `checkOptions`. */
export const CLOSE_OPTION_KEYS = { deadlineMs: true, snapshotPath: true } as const satisfies OptionKeys<CloseOptions>;

/** What `close()` did. */
export interface CloseReport {
  /** True when every call in flight finished before the deadline. */
  drained: boolean;
  /** Calls still in flight at the deadline: they were rejected when their connection closed. */
  interrupted: number;
  /** The final states and statistics. */
  snapshot: RegistrySnapshot;
}

/** The default drain deadline: ten seconds. */
export const DEFAULT_CLOSE_DEADLINE_MS = 10_000;

/** Waits until no call is in flight, or until `deadlineMs` has passed; true when drained. */
export async function drain(inFlight: InFlight, deadlineMs: number, clock: Clock): Promise<boolean> {
  if (inFlight.size === 0) return true;
  const stop = new AbortController();
  const drained = await Promise.race([inFlight.idle().then(() => true), delay(clock, deadlineMs, stop.signal).then(() => false)]);
  stop.abort();
  return drained;
}

/** Writes `snapshot` to `path` as indented JSON, creating the folder; atomically, through a temporary file. */
export async function writeSnapshot(path: string, snapshot: RegistrySnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}
