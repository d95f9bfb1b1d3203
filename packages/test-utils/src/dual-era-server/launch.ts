import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ServerCommand } from '../servers.js';

/** Path of the dual-era test server script (`node server.mjs stdio | http <port>`). */
export const dualEraServerPath: string = fileURLToPath(new URL('./server.mjs', import.meta.url));

/** The command line that runs the dual-era test server over stdio, under this Node. */
export function dualEraServerCommand(): ServerCommand {
  return { command: process.execPath, args: [dualEraServerPath, 'stdio'] };
}

/** A running dual-era test server on Streamable HTTP. */
export interface DualEraHttpServer {
  /** The MCP endpoint: `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Stops the server process (SIGTERM, SIGKILL after 3 s) and waits for it to exit. */
  close(): Promise<void>;
}

/** Options of `startDualEraHttpServer`. */
export interface DualEraHttpServerOptions {
  /** How long to wait for the server to say it listens, in milliseconds. @default 20000 */
  timeoutMs?: number;
}

const READY_LINE = /^listening on (\d+)$/;

/**
 * Starts the dual-era test server on a free loopback port and resolves once it listens.
 * Rejects, after killing it, if it exits or stays silent first.
 *
 * @example
 * const server = await startDualEraHttpServer();
 * try { await runSuiteAgainst(server.url); } finally { await server.close(); }
 */
export async function startDualEraHttpServer(options: DualEraHttpServerOptions = {}): Promise<DualEraHttpServer> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const child = spawn(process.execPath, [dualEraServerPath, 'http', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderr: string[] = [];

  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  const port = await new Promise<number>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      // close() does not reject; the start failure below is what the test sees.
      void close();
      reject(new Error(`the dual-era test server (${dualEraServerPath} http 0) did not start: ${why}\nIts stderr:\n${stderr.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`no "listening on <port>" line within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(error.message));
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(`it exited (${signal ?? `code ${String(code)}`})`);
    child.once('exit', onExit);
    createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
      stderr.push(line);
      const ready = READY_LINE.exec(line);
      if (ready?.[1] !== undefined) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(Number(ready[1]));
      }
    });
  });

  return { url: `http://127.0.0.1:${port}/mcp`, close };
}

/** Path of the skills test server script (stdio): the official SDK's Skills extension (SEP-2640) serving two skills. */
export const skillsServerPath: string = fileURLToPath(new URL('./skills-server.mjs', import.meta.url));

/** The command line that runs the skills test server over stdio, under this Node. */
export function skillsServerCommand(): ServerCommand {
  return { command: process.execPath, args: [skillsServerPath] };
}

/** The command line that runs the dual-era MCP Apps test server (`apps-server.mjs`) over stdio, under this Node. */
export function appsServerCommand(): ServerCommand {
  return { command: process.execPath, args: [fileURLToPath(new URL('./apps-server.mjs', import.meta.url))] };
}
