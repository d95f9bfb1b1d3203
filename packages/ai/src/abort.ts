import { CancelledError } from '@mcpx/core';

/** A `CancelledError` for `signal`, which aborted while `operation` waited. */
export function cancelledBy(signal: AbortSignal, operation: string): CancelledError {
  return new CancelledError(`the signal aborted while ${operation} was asked`, { cause: signal.reason, operation });
}

/** `promise`, or a `CancelledError` as soon as `signal` aborts (a callback that ignores its signal is not waited for). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, operation: string): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledBy(signal, operation));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
