import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { basicAppCommand, everythingCommand, type ServerCommand } from '../servers.js';
import { freePort } from './free-port.js';

/** An HTTP MCP server running as a child process, listening on a free port. */
export interface HttpServerProcess {
  /** The port it listens on. */
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The endpoint URL: the origin and the path given to `startHttpServerProcess`. */
  readonly url: string;
  /** Everything the server wrote to stderr so far, line by line. */
  readonly stderr: readonly string[];
  readonly child: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of `startHttpServerProcess`. */
export interface HttpServerProcessOptions {
  /** Path of the endpoint, such as `/mcp` or `/sse`. */
  path: string;
  /** The stderr (or stdout) line that says the server listens. @default /listening on port|running on port/i */
  ready?: RegExp;
  /** How long to wait for that line, in milliseconds. @default 20000 */
  timeoutMs?: number;
}

/**
 * Starts `command` with `PORT` set to a free port and resolves once it prints its ready line.
 * Rejects (and kills it) if it exits or stays silent first.
 */
export async function startHttpServerProcess(command: ServerCommand, options: HttpServerProcessOptions): Promise<HttpServerProcess> {
  const port = await freePort();
  const ready = options.ready ?? /listening on port|running on port/i;
  const child = spawn(command.command, command.args, {
    env: { ...process.env, ...command.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderr: string[] = [];
  const origin = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string): void => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      // stop() does not reject; the start failure below is what the test sees.
      void stop();
      reject(new Error(`${command.args.join(' ')} did not start: ${why}\nIts stderr:\n${stderr.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${options.timeoutMs ?? 20_000} ms`), options.timeoutMs ?? 20_000);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (stream === child.stderr) stderr.push(line);
        if (!started && ready.test(line)) {
          started = true;
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  return { port, origin, url: `${origin}${options.path}`, stderr, child, stop };
}

/** The endpoint path of each HTTP mode of server-everything. */
const EVERYTHING_PATHS = { streamableHttp: '/mcp', sse: '/sse' } as const;

/** Starts `@modelcontextprotocol/server-everything` over HTTP (`'streamableHttp'` at `/mcp`, or `'sse'` at `/sse`) on a free port. */
export function startEverythingHttp(mode: keyof typeof EVERYTHING_PATHS): Promise<HttpServerProcess> {
  return startHttpServerProcess(everythingCommand(mode), { path: EVERYTHING_PATHS[mode] });
}

/** Starts `@modelcontextprotocol/server-basic-vanillajs` (MCP Apps) over Streamable HTTP at `/mcp` on a free port. */
export function startBasicAppHttp(): Promise<HttpServerProcess> {
  const stdio = basicAppCommand();
  return startHttpServerProcess(
    { command: stdio.command, args: stdio.args.filter((arg) => arg !== '--stdio') },
    { path: '/mcp', ready: /MCP server listening on/ },
  );
}
