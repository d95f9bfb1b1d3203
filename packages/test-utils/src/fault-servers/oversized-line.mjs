// Sends one valid notification, then starts a line of argv[2] bytes (default 64 KiB) in
// 1 KiB pieces and never ends it, and keeps running: only a limit on the line length can
// stop the client from buffering forever.
import { clearInterval, setInterval } from 'node:timers';
import { notify } from './wire.mjs';

const total = Number(process.argv[2] ?? 65536);
notify('ready', {});
process.stdout.write('{"jsonrpc":"2.0","method":"huge","params":{"data":"');
let written = 0;
const piece = 'x'.repeat(1024);
const timer = setInterval(() => {
  if (written < total) {
    process.stdout.write(piece);
    written += piece.length;
  }
}, 1);
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  process.exit(0);
});
