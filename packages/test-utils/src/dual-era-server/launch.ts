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
  const { port, close } = await spawnDualEra('http', options);
  return { url: `http://127.0.0.1:${port}/mcp`, close };
}

/** A running dual-era test server on the gRPC binding of MCP. */
export interface DualEraGrpcServer {
  /** `grpc://127.0.0.1:<port>` (or `grpcs://` when serving TLS). */
  readonly target: string;
  /** Stops the server process (SIGTERM, SIGKILL after 3 s) and waits for it to exit. */
  close(): Promise<void>;
  /** Kills the server process at once (SIGKILL), cutting its connections mid-call, and waits for it to exit. */
  kill(): Promise<void>;
  /** The lines the server wrote to stderr so far (with `MCPX_GRPC_TRACE=1`, one per call received and per call cancelled). */
  readonly stderr: readonly string[];
}

/** Options of `startDualEraGrpcServer`. */
export interface DualEraGrpcServerOptions extends DualEraHttpServerOptions {
  /** Variables for the server process (`MCPX_GRPC_TLS_DIR`, `MCPX_GRPC_MTLS`, `MCPX_GRPC_TOKEN`, `MCPX_GRPC_UNKNOWN_FIELD`, `MCPX_GRPC_TRACE`: see grpc.mjs). */
  env?: Record<string, string>;
}

/**
 * Starts the dual-era test server's gRPC face on a free loopback port (needs the built
 * `@mcpx/grpc`) and resolves once it listens.
 */
export async function startDualEraGrpcServer(options: DualEraGrpcServerOptions = {}): Promise<DualEraGrpcServer> {
  const { port, close, kill, stderr } = await spawnDualEra('grpc', options);
  const scheme = options.env?.MCPX_GRPC_TLS_DIR === undefined ? 'grpc' : 'grpcs';
  return { target: `${scheme}://127.0.0.1:${port}`, close, kill, stderr };
}

async function spawnDualEra(
  mode: 'http' | 'grpc',
  options: DualEraGrpcServerOptions,
): Promise<{ port: number; close(): Promise<void>; kill(): Promise<void>; stderr: readonly string[] }> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const child = spawn(process.execPath, [dualEraServerPath, mode, '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderr: string[] = [];

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };
  const close = (): Promise<void> => stop('SIGTERM');

  const port = await new Promise<number>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      // close() does not reject; the start failure below is what the test sees.
      void close();
      reject(
        new Error(`the dual-era test server (${dualEraServerPath} ${mode} 0) did not start: ${why}\nIts stderr:\n${stderr.join('\n')}`),
      );
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

  return { port, close, kill: () => stop('SIGKILL'), stderr };
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
