// Says "ready", then closes its stdin or its stdout (argv[2]) and keeps running: a server the
// client can no longer talk to although its process lives on.
import { closeSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { notify } from './wire.mjs';

const which = process.argv[2] ?? 'stdin';
notify('ready', { closing: which });
closeSync(which === 'stdout' ? 1 : 0);
setInterval(() => {}, 1000);
