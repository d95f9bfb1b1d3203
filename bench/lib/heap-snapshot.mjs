// Heap snapshots for the bench's heap scripts (heap-per-connection.mjs, calls-in-flight.mjs).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';

/**
 * Collects garbage a few times (the process runs with --expose-gc), then writes a snapshot to a
 * temporary file named after `prefix` and `name`, and returns its path. Read the snapshots only
 * once all are written, so that one's parse is not in the next.
 */
export async function takeSnapshot(prefix, name) {
  for (let pass = 0; pass < 6; pass++) {
    globalThis.gc();
    await sleep(20);
  }
  return writeHeapSnapshot(join(tmpdir(), `${prefix}-${process.pid}-${name}.heapsnapshot`));
}

/** The snapshot written to `file`, parsed; the file is removed. */
export function readSnapshot(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(file, { force: true });
  }
}
