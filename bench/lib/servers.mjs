// Where the clients find the server under test, one entry a transport. `start()` gives the
// description passed to the clients (in the child process) and a `stop()` for the runner.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TRANSPORTS = ['stdio', 'http'];

const echoStdio = fileURLToPath(new URL('../servers/echo-stdio.mjs', import.meta.url));
const echoHttp = fileURLToPath(new URL('../servers/echo-http.mjs', import.meta.url));

/**
 * stdio: each client spawns its own server, so there is nothing to start here.
 * http: a fresh server process for each measured process, started before it and stopped after.
 * @returns {{ transport: string, start(env: object): Promise<{ server: object, stop(): Promise<void> }> }}
 */
export function serverFor(transport) {
  if (transport === 'stdio') {
    const server = { transport, command: process.execPath, args: [echoStdio] };
    return { transport, start: async () => ({ server, stop: async () => {} }) };
  }
  if (transport === 'http') return { transport, start: startHttp };
  throw new Error(`bench: no echo server for transport "${transport}" (known: ${TRANSPORTS.join(', ')})`);
}

function startHttp(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [echoHttp], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    let out = '';
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`bench: the HTTP echo server exited (${signal ?? code}) before printing its port`)),
    );
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      const port = Number(out.slice(0, newline));
      const stop = async () => {
        child.stdin.end();
        await exited;
      };
      resolve({ server: { transport: 'http', url: `http://127.0.0.1:${port}/mcp` }, stop });
    });
  });
}
