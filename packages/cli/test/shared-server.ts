import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { everythingCommand } from '@mcpx/test-utils';
import { FIXTURES, type Scratch } from './helpers.js';

/** One server-everything process that every mcpx run reaches through the stdio relay fixture, one run at a time. */
export interface SharedServer {
  /** A config with the server as `name`, run through the relay (a `proxy`: its tasks outlive each run). */
  config(name: string): string;
  close(): Promise<void>;
}

/**
 * Starts server-everything over stdio once, behind a Unix socket in `dir`: each mcpx run starts
 * the relay fixture (a stdio server to mcpx), which connects there and talks to that one process.
 * The server's tasks therefore outlive the run that started them, as they do on a remote server.
 * What the server still says to an earlier run (a late status notification, the answer to a
 * request that run gave up on) is dropped until it answers the new connection's first request.
 */
export async function startSharedServer(dir: Scratch): Promise<SharedServer> {
  const { command, args } = everythingCommand('stdio');
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  let current: Socket | undefined;
  /** The ids of the requests the current connection sent while its gate is closed; undefined once open. */
  let asked: Set<unknown> | undefined;
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    if (asked !== undefined) {
      const message = parse(line);
      if (message === undefined || message.method !== undefined || !asked.has(message.id)) return;
      asked = undefined;
    }
    current?.write(`${line}\n`);
  });
  const path = join(dir.path, 'shared-server.sock');
  const server = createServer((socket) => {
    current?.destroy();
    current = socket;
    const ids = new Set<unknown>();
    asked = ids;
    createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
      const message = parse(line);
      if (message?.method !== undefined && message.id !== undefined) ids.add(message.id);
      child.stdin.write(`${line}\n`);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return {
    config: (name) =>
      JSON.stringify({ mcpServers: { [name]: { command: process.execPath, args: [join(FIXTURES, 'relay.mjs'), path], proxy: true } } }),
    close: async () => {
      current?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

function parse(line: string): { id?: unknown; method?: unknown } | undefined {
  try {
    const message = JSON.parse(line) as unknown;
    return typeof message === 'object' && message !== null ? message : undefined;
  } catch {
    return undefined;
  }
}
