// Writes argv[2] bytes (default 5 MB) to stderr in 1 KiB lines, then serves like the echo
// server. The writes are synchronous on the inherited (blocking) descriptor, as in most
// languages: once the pipe is full they block until the client reads, so a client that
// does not drain stderr never gets an answer.
import { writeSync } from 'node:fs';
import { echo, onMessages } from './wire.mjs';

const total = Number(process.argv[2] ?? 5_000_000);
const filler = 'e'.repeat(1000);
let count = 0;
for (let written = 0; written < total; count += 1) {
  written += writeSync(2, `flood ${String(count).padStart(8, '0')} ${filler}\n`);
}
writeSync(2, `flood done after ${count} lines\n`);
onMessages(echo);
