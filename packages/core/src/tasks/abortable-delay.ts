import { CancelledError } from '../errors/cancelled-error.js';
import type { ErrorContext } from '../errors/local-error.js';
import { onAbort, reasonText } from '../util/abort-fanout.js';

/** Resolves after `delayMs`, or rejects with a `CancelledError` as soon as `signal` aborts. */
export function abortableDelay(delayMs: number, signal: AbortSignal | undefined, context: ErrorContext): Promise<void> {
  const cancelled = (reason: unknown): CancelledError => new CancelledError(reasonText(reason), { ...context, cause: reason });
  if (signal?.aborted === true) return Promise.reject(cancelled(signal.reason));
  return new Promise((resolve, reject) => {
    const stop =
      signal === undefined
        ? undefined
        : onAbort(signal, (reason) => {
            clearTimeout(timer);
            reject(cancelled(reason));
          });
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, delayMs);
  });
}
