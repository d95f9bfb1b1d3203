import type { Writable } from 'node:stream';
import { untilAborted } from '@mcpx/core/internal';

const RESOLVED = Promise.resolve();

interface DrainWait {
  readonly promise: Promise<void>;
  settle(error?: Error): void;
}

/** The texts written after the first of a microtask turn, flushed together as one chunk at its end. */
interface Batch {
  readonly parts: string[];
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Writes text to a stream with backpressure: a write resolves once the stream has taken the
 * text, at once while its buffer has room, else at the next `'drain'`. All writers waiting
 * share one set of stream listeners, removed as soon as the wait ends, however it ends.
 * The first text of a microtask turn is written at once; the texts written after it in the same
 * turn go out together as one chunk at the end of it: one system call for the rest of a burst
 * of concurrent requests instead of one each, and no batch at all for calls made one at a time.
 */
export class StreamWriter {
  readonly #stream: Writable;
  readonly #closedError: (cause?: unknown) => Error;
  #failure: Error | undefined;
  #drain: DrainWait | undefined;
  #batch: Batch | undefined;
  /** Whether a text was written at once in this microtask turn: the next ones are batched. */
  #turnOpen = false;
  readonly #endTurn = (): void => {
    this.#turnOpen = false;
  };

  /** `closedError` makes the error for a write that cannot complete because the stream ended. */
  constructor(stream: Writable, closedError: (cause?: unknown) => Error) {
    this.#stream = stream;
    this.#closedError = closedError;
  }

  /** Writes `text`; rejects when the writer has failed, the stream breaks, or `signal` aborts while waiting. */
  write(text: string, signal?: AbortSignal): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.#stream.writable) return Promise.reject(this.#closedError());
    let written: Promise<void>;
    if (this.#batch !== undefined || this.#turnOpen) {
      const batch = (this.#batch ??= this.#startBatch());
      batch.parts.push(text);
      written = batch.promise;
    } else {
      this.#turnOpen = true;
      // A resolved promise's reaction rather than queueMicrotask(), which wraps each callback in
      // an AsyncResource in Node.
      void RESOLVED.then(this.#endTurn);
      written = this.#writeNow(text);
      if (written === RESOLVED) return written;
    }
    return untilAborted(written, signal);
  }

  /** Fails the writes waiting now and every later one with `error`. The first failure wins. */
  fail(error: Error): void {
    this.#failure ??= error;
    this.#drain?.settle(this.#failure);
  }

  #startBatch(): Batch {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every writer handles the rejection; this keeps a batch whose writers all aborted from going unhandled.
    promise.catch(() => undefined);
    const batch: Batch = { parts: [], promise, resolve, reject };
    // #flush does not throw: it settles the batch's promise whatever happens.
    void RESOLVED.then(() => this.#flush(batch));
    return batch;
  }

  #flush(batch: Batch): void {
    this.#batch = undefined;
    if (this.#failure) return batch.reject(this.#failure);
    if (!this.#stream.writable) return batch.reject(this.#closedError(this.#stream.errored ?? undefined));
    let text: string;
    try {
      text = batch.parts.length === 1 ? (batch.parts[0] as string) : batch.parts.join('');
    } catch (error) {
      // Texts too long together for one string (V8's limit, about 512 MB): as a stream that broke.
      return batch.reject(this.#broken(error));
    }
    const written = this.#writeNow(text);
    if (written === RESOLVED) batch.resolve();
    else written.then(batch.resolve, batch.reject);
  }

  /**
   * Hands `text` to the stream: `RESOLVED` when its buffer has room, else the wait for the next
   * `'drain'`. A throwing write fails the writer, as a broken stream does: this and every later
   * write reject with the closed error (naming the server), instead of the error escaping.
   */
  #writeNow(text: string): Promise<void> {
    let room: boolean;
    try {
      room = this.#stream.write(text);
    } catch (error) {
      return Promise.reject(this.#broken(error));
    }
    if (room) return RESOLVED;
    return (this.#drain ??= this.#waitForDrain()).promise;
  }

  /** Fails the writer with the closed error for `cause`, and returns that error. */
  #broken(cause: unknown): Error {
    const failure = this.#closedError(cause);
    this.fail(failure);
    return failure;
  }

  #waitForDrain(): DrainWait {
    const stream = this.#stream;
    let settle!: (error?: Error) => void;
    const promise = new Promise<void>((resolve, reject) => {
      const onDrain = (): void => settle();
      const onError = (cause: unknown): void => settle(this.#failure ?? this.#closedError(cause));
      const onClose = (): void => settle(this.#failure ?? this.#closedError());
      settle = (error) => {
        stream.off('drain', onDrain);
        stream.off('error', onError);
        stream.off('close', onClose);
        if (this.#drain?.promise === promise) this.#drain = undefined;
        if (error) reject(error);
        else resolve();
      };
      stream.on('drain', onDrain);
      stream.on('error', onError);
      stream.on('close', onClose);
    });
    // Each waiter handles the rejection; this keeps one whose waiters all aborted from going unhandled.
    promise.catch(() => undefined);
    return { promise, settle };
  }
}
