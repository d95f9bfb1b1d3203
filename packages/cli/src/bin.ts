#!/usr/bin/env node
/** @module mcpx — the executable: runs `run()` with the process's arguments, streams and signals. */
import { run } from './run.js';

// Ctrl-C (and SIGTERM) aborts: the call in flight is cancelled on the server and mcpx exits
// with 130 once everything is closed. A second Ctrl-C exits at once.
const interrupt = new AbortController();
let interrupts = 0;
const onSignal = (): void => {
  if (++interrupts > 1) process.exit(130);
  interrupt.abort(new Error('interrupted'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// `mcpx tools | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await run(process.argv.slice(2), { signal: interrupt.signal });
process.exitCode = code;
// Everything is closed by now; should a handle linger, do not hang the shell.
setTimeout(() => process.exit(code), 3000).unref();
