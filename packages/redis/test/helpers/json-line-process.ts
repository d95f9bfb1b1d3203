import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A Node process of the tests that answers in JSON lines on stdout and takes lines on stdin: the
 * other process of a cross-process test (`token-child.mjs`; `cache-peer.mjs` of
 * two-processes.test.ts could use it too).
 */
export interface JsonLineProcess {
  readonly process: ChildProcess;
  /** The next JSON line it prints; rejects, with the end of its stderr, if it exits first. */
  next(): Promise<Record<string, unknown>>;
  /** Sends a line to its stdin. */
  send(line: string): void;
  /** Kills it (SIGKILL, as a crash) and waits for it to exit. */
  kill(): Promise<void>;
}

/** Starts `node <script> ...args` with `env` on top of this process's environment. */
export function startJsonLineProcess(script: string, args: readonly string[], env: Record<string, string> = {}): JsonLineProcess {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
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
      if (line === undefined) throw new Error(`${script} ${args.join(' ')} ended without an answer:\n${stderr}`);
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
