import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { FIXTURES, type Scratch } from './helpers.js';

/** The task-server fixture: a tool whose task goes on until cancelled (or a minute), reached through the stdio relay. */
export interface HoldServer {
  /** A config with the server as `name`, run through the relay (a `proxy`: its tasks outlive each run). */
  config(name: string): string;
  close(): Promise<void>;
}

/** Starts the task-server fixture on a Unix socket in `dir`, and resolves once it listens. */
export async function startHoldServer(dir: Scratch): Promise<HoldServer> {
  const path = join(dir.path, 'hold-server.sock');
  const child = spawn(process.execPath, [join(FIXTURES, 'task-server.mjs'), path], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
      if (said.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the task-server fixture exited with code ${String(code)}: ${said}`)));
  });
  return {
    config: (name) =>
      JSON.stringify({ mcpServers: { [name]: { command: process.execPath, args: [join(FIXTURES, 'relay.mjs'), path], proxy: true } } }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}
