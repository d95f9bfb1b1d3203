// The servers of the fleet benchmark: HTTP echo processes that each stand for many servers (one
// path a server), and the command of the stdio echo server each stdio server spawns.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const echoHttp = fileURLToPath(new URL('../servers/echo-http.mjs', import.meta.url));
const echoStdio = fileURLToPath(new URL('../servers/echo-stdio.mjs', import.meta.url));

/** The environment of every process the bench starts: no NODE_OPTIONS or extra CA certificates (see README). */
export const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== 'NODE_EXTRA_CA_CERTS' && key !== 'NODE_OPTIONS'),
);

/** The stdio echo server, as a StdioTransport starts it. */
export const stdioServer = { command: process.execPath, args: [echoStdio] };

/** Starts one HTTP echo process listing `tools` tools; resolves with its port, pid and `stop()`. */
function startHttpProcess(tools) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [echoHttp, `--tools=${tools}`], { env: cleanEnv, stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    let out = '';
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`fleet: an HTTP echo process exited (${signal ?? code}) before printing its port`)),
    );
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      const stop = async () => {
        child.stdin.end();
        await exited;
      };
      resolve({ port: Number(out.slice(0, newline)), pid: child.pid, stop });
    });
  });
}

/**
 * Starts `processes` HTTP echo processes and spreads `count` servers over them, one path each
 * (`/mcp/<i>`). Resolves with the URL of each server, the processes' pids and `stop()`.
 */
export async function startHttpFleet({ count, processes, tools }) {
  const started = await Promise.all(Array.from({ length: processes }, () => startHttpProcess(tools)));
  const urls = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${started[i % processes].port}/mcp/${i}`);
  return {
    urls,
    pids: started.map((p) => p.pid),
    stop: () => Promise.all(started.map((p) => p.stop())),
  };
}

/** CPU time (user + system) a process used so far, in milliseconds, from /proc (Linux); NaN elsewhere. */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in KiB, from /proc (Linux); NaN elsewhere. */
export function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}
