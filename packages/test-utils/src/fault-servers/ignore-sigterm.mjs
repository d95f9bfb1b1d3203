// Ignores SIGTERM and the end of stdin: only SIGKILL stops it. Says "ready" once the
// SIGTERM handler is in place.
import { setInterval } from 'node:timers';
import { notify } from './wire.mjs';

process.on('SIGTERM', () => {
  process.stderr.write('ignoring SIGTERM\n');
});
process.stdin.resume();
process.stdin.on('end', () => {});
setInterval(() => {}, 1000);
notify('ready', { pid: process.pid });
