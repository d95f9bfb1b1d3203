import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
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
 */
export async function startSharedServer(dir: Scratch): Promise<SharedServer> {
  const { command, args } = everythingCommand('stdio');
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  let current: Socket | undefined;
  child.stdout.on('data', (chunk: Buffer) => current?.write(chunk));
  const path = join(dir.path, 'shared-server.sock');
  const server = createServer((socket) => {
    current?.destroy();
    current = socket;
    socket.on('data', (chunk) => child.stdin.write(chunk));
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
