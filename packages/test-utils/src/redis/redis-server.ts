import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Socket } from 'node:net';

/** A `redis-server` a test started on a loopback port, with persistence off. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The server process's id. */
  readonly pid: number;
  /** Kills the server at once (SIGKILL), as a crash would, and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts the server again on the same port, empty (after `kill()`). */
  restart(): Promise<void>;
  /** Stops the server (SIGTERM) and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
}

/** A free loopback TCP port, as the kernel picks one. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once `PING` on `port` answers `+PONG`; rejects after `timeoutMs`. */
async function waitForPong(port: number, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`redis-server on port ${port} exited before it was ready:\n${output()}`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      let answer = '';
      socket.setTimeout(1_000, () => socket.destroy());
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
        if (answer.includes('\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(answer.startsWith('+PONG')));
      socket.on('error', () => undefined);
      socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    });
    if (pong) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function launch(port: number): { child: ChildProcess; output: () => string } {
  // No persistence (no RDB snapshots, no AOF), loopback only, no protected-mode surprises.
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => text };
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/**
 * Starts a real `redis-server` (the Debian package; `.ci/run` installs it) on a free loopback
 * port, with persistence off, and resolves once it answers `PING`. Stop it in `afterAll`.
 * Throws a clear error when `redis-server` is not installed.
 */
export async function startRedisServer(options: { readyTimeoutMs?: number } = {}): Promise<RedisServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const port = await freePort();
  let current = launch(port);
  const spawned = await Promise.race([
    once(current.child, 'spawn').then(() => undefined),
    once(current.child, 'error').then(([error]) => error as Error),
  ]);
  if (spawned !== undefined)
    throw new Error(`cannot start redis-server (${spawned.message}): install it (Debian: apt-get install redis-server)`, {
      cause: spawned,
    });
  await waitForPong(port, current.child, current.output, readyTimeoutMs);
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return current.child.pid ?? -1;
    },
    async kill() {
      current.child.kill('SIGKILL');
      await exited(current.child);
    },
    async restart() {
      await server.kill();
      current = launch(port);
      await waitForPong(port, current.child, current.output, readyTimeoutMs);
    },
    async stop() {
      current.child.kill('SIGTERM');
      await exited(current.child);
    },
  };
  return server;
}
