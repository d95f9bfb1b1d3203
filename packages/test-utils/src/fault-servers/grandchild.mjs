// A wrapper like npx: spawns a grandchild (a Node process idling forever), reports its pid in
// a "grandchild" notification, then, per argv[2], exits at once ("exit"), stays until
// stdin ends ("stay") and exits without stopping the grandchild, or ignores both its stdin
// ending and SIGTERM ("deaf"), so that only SIGKILL stops it. argv[3] is the
// grandchild's stdio: "ignore", or "inherit" to hold the client's pipes open as npx does.
import { spawn } from 'node:child_process';
import { setInterval } from 'node:timers';
import { notify } from './wire.mjs';

const mode = process.argv[2] ?? 'stay';
const stdio = process.argv[3] ?? 'ignore';
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio });
grandchild.unref();
notify('grandchild', { pid: grandchild.pid });
if (mode === 'exit') {
  process.exit(0);
} else if (mode === 'deaf') {
  process.on('SIGTERM', () => {});
  process.stdin.resume();
  setInterval(() => {}, 1000);
} else {
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}
