// Never reads stdin, so a client writing to it soon fills the pipe; exits on SIGTERM.
import { setInterval } from 'node:timers';
import { notify } from './wire.mjs';

setInterval(() => {}, 1000);
notify('ready', { pid: process.pid });
