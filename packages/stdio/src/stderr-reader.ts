import type { Readable } from 'node:stream';
import { LineDecoder } from './line-decoder.js';

/** Longest stderr line kept; longer ones are cut, since stderr is only read by people. */
const STDERR_MAX_LINE_BYTES = 64 * 1024;

/** The last `limit` lines seen, in order: a ring buffer, constant time a line. */
export class LineTail {
  readonly #limit: number;
  readonly #lines: string[] = [];
  #next = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Adds a line, forgetting the oldest one past the limit. */
  push(line: string): void {
    if (this.#limit === 0) return;
    if (this.#lines.length < this.#limit) this.#lines.push(line);
    else this.#lines[this.#next] = line;
    this.#next = (this.#next + 1) % this.#limit;
  }

  /** The kept lines, oldest first. */
  lines(): string[] {
    if (this.#lines.length < this.#limit) return [...this.#lines];
    return [...this.#lines.slice(this.#next), ...this.#lines.slice(0, this.#next)];
  }
}

/** A stderr stream being drained line by line. */
export interface StderrReader {
  /** The last lines read. */
  readonly tail: LineTail;
  /** Settles when the stream has ended (or failed, or was destroyed). */
  readonly ended: Promise<void>;
}

/**
 * Reads `stream` to its end, always, so a server writing to stderr never blocks on a full
 * pipe; hands each line to `onLine` and keeps the last `tailLines` lines.
 */
export function readStderr(stream: Readable, tailLines: number, onLine: (line: string) => void): StderrReader {
  const decoder = new LineDecoder({ maxLineBytes: STDERR_MAX_LINE_BYTES, overflow: 'truncate' });
  const tail = new LineTail(tailLines);
  const take = (line: string): void => {
    tail.push(line);
    onLine(line);
  };
  const ended = new Promise<void>((resolve) => {
    stream.on('data', (chunk: Buffer) => {
      for (const line of decoder.push(chunk)) take(line);
    });
    const finish = (): void => {
      const last = decoder.flush();
      if (last !== undefined) take(last);
      resolve();
    };
    // `on`, not `once`: `finish` may run twice (a second flush finds nothing), and `once` would
    // keep a wrapper and its state per event for the life of the connection.
    stream.on('end', finish);
    stream.on('close', finish);
    // A read error only ends the diagnostics; the process exit tells how the server ended.
    stream.on('error', finish);
  });
  return { tail, ended };
}
