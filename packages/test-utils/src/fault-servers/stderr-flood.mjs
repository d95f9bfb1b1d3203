// Writes argv[2] bytes (default 5 MB) to stderr in 1 KiB lines, then serves like the echo
// server. Writes to a pipe block once it is full, so a client that does not drain stderr
// never gets an answer.
import { echo, onMessages } from './wire.mjs';

const total = Number(process.argv[2] ?? 5_000_000);
const line = `${'e'.repeat(1000)}`;
let count = 0;
for (let written = 0; written < total; written += line.length + 20) {
  process.stderr.write(`flood ${String(count).padStart(8, '0')} ${line}\n`);
  count += 1;
}
process.stderr.write(`flood done after ${count} lines\n`);
onMessages(echo);
