// Where the clients find the server under test. One entry a transport; HTTP comes later.
import { fileURLToPath } from 'node:url';

const echoStdio = fileURLToPath(new URL('../servers/echo-stdio.mjs', import.meta.url));

/** @returns {{ transport: 'stdio', command: string, args: string[] }} */
export function serverFor(transport) {
  if (transport === 'stdio') return { transport, command: process.execPath, args: [echoStdio] };
  throw new Error(`bench: no echo server for transport "${transport}" (known: stdio)`);
}
