import type { Writable } from 'node:stream';

const RESOLVED = Promise.resolve();

interface DrainWait {
  readonly promise: Promise<void>;
  settle(error?: Error): void;
}

/** Texts written in the same turn of the event loop, flushed as one chunk. */
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
 * Texts written in the same microtask turn go out as one chunk: one system call for a burst
 * of concurrent requests instead of one each.
 */
export class StreamWriter {
  readonly #stream: Writable;
  readonly #closedError: (cause?: unknown) => Error;
  #failure: Error | undefined;
  #drain: DrainWait | undefined;
  #batch: Batch | undefined;

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
    const batch = (this.#batch ??= this.#startBatch());
    batch.parts.push(text);
    if (!signal) return batch.promise;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      batch.promise.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
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
    // A resolved promise's reaction rather than queueMicrotask(), which wraps each callback in an
    // AsyncResource in Node: with one call at a time that is a batch, and a resource, per call.
    void RESOLVED.then(() => this.#flushSafely(batch));
    return batch;
  }

  /**
   * A throwing write fails the writer, as a broken stream does: this batch and every later write
   * reject with the closed error (naming the server), instead of an unhandled rejection.
   */
  #flushSafely(batch: Batch): void {
    try {
      this.#flush(batch);
    } catch (error) {
      const failure = this.#closedError(error);
      this.fail(failure);
      batch.reject(failure);
    }
  }

  #flush(batch: Batch): void {
    this.#batch = undefined;
    if (this.#failure) return batch.reject(this.#failure);
    if (!this.#stream.writable) return batch.reject(this.#closedError(this.#stream.errored ?? undefined));
    const text = batch.parts.length === 1 ? (batch.parts[0] as string) : batch.parts.join('');
    if (this.#stream.write(text)) return batch.resolve();
    const drain = (this.#drain ??= this.#waitForDrain());
    drain.promise.then(batch.resolve, batch.reject);
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
