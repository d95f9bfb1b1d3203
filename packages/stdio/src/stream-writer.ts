import type { Writable } from 'node:stream';

interface DrainWait {
  readonly promise: Promise<void>;
  settle(error?: Error): void;
}

/**
 * Writes text to a stream with backpressure: a write resolves once the stream has taken the
 * text, at once while its buffer has room, else at the next `'drain'`. All writers waiting
 * share one set of stream listeners, removed as soon as the wait ends, however it ends.
 */
export class StreamWriter {
  readonly #stream: Writable;
  readonly #closedError: (cause?: unknown) => Error;
  #failure: Error | undefined;
  #drain: DrainWait | undefined;

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
    if (this.#stream.write(text)) return Promise.resolve();
    const drain = (this.#drain ??= this.#waitForDrain());
    if (!signal) return drain.promise;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      drain.promise.then(
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
