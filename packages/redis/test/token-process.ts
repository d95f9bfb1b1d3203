import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./token-child.mjs', import.meta.url));

/** A Node process running `token-child.mjs` (against the built @mcpx/redis), and the JSON lines it prints. */
export interface TokenChild {
  readonly process: ChildProcess;
  /** The next JSON line it prints; rejects if it exits first. */
  next(): Promise<Record<string, unknown>>;
  /** Sends a line to its stdin. */
  send(line: string): void;
  /** Kills it (SIGKILL, as a crash) and waits for it to exit. */
  kill(): Promise<void>;
}

/** Starts `token-child.mjs` in `mode` with `env` on top of this process's environment. */
export function startTokenChild(mode: 'call' | 'hold-lock', env: Record<string, string>): TokenChild {
  const child = spawn(process.execPath, [SCRIPT, mode], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  const reader = createInterface({ input: child.stdout });
  reader.on('line', (line) => {
    const wake = waiting.shift();
    if (wake === undefined) lines.push(line);
    else wake(line);
  });
  reader.on('close', () => {
    ended = true;
    for (const wake of waiting.splice(0)) wake(undefined);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    async next() {
      const line = lines.shift() ?? (ended ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve)));
      if (line === undefined) throw new Error(`token-child.mjs ${mode} ended without an answer:\n${stderr}`);
      return JSON.parse(line) as Record<string, unknown>;
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
