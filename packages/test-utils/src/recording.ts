import type { JsonRpcMessage, Transport, TransportDiagnostic } from '@mcpx/core';

/** A transport with everything it reported through its callbacks. */
export interface Recording<T extends Transport = Transport> {
  transport: T;
  messages: JsonRpcMessage[];
  errors: Error[];
  diagnostics: TransportDiagnostic[];
  /** Every `onclose` call, to check there is exactly one. */
  closeCalls: (Error | undefined)[];
  /** Settles with the `onclose` reason. */
  closed: Promise<Error | undefined>;
  /** Resolves once `onerror` has been called `count` times (at most 10 s). */
  errorCount(count: number): Promise<Error[]>;
  /** The first message matching `predicate`, already received or to come (at most 10 s); rejects if the transport closes first. */
  message(predicate?: (message: JsonRpcMessage) => boolean): Promise<JsonRpcMessage>;
}

/** Hooks recorders on a transport's callbacks, for the transport packages' own tests. */
export function recordTransport<T extends Transport>(transport: T): Recording<T> {
  const waiters = new Set<() => void>();
  let isClosed = false;
  let resolveClosed!: (reason: Error | undefined) => void;
  const wait = <R>(what: string, check: () => R | undefined, failIfClosed: boolean): Promise<R> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(run);
        reject(new Error(`timed out waiting for ${what}`));
      }, 10_000);
      const run = (): void => {
        const found = check();
        if (found !== undefined) resolve(found);
        else if (failIfClosed && isClosed) reject(new Error(`closed before ${what}; got ${JSON.stringify(recording.messages)}`));
        else return;
        clearTimeout(timer);
        waiters.delete(run);
      };
      waiters.add(run);
      run();
    });
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const recording: Recording<T> = {
    transport,
    messages: [],
    errors: [],
    diagnostics: [],
    closeCalls: [],
    closed: new Promise((resolve) => (resolveClosed = resolve)),
    errorCount: (count) => wait(`${count} error(s)`, () => (recording.errors.length >= count ? recording.errors : undefined), false),
    message: (predicate = () => true) => wait('the expected message', () => recording.messages.find(predicate), true),
  };
  transport.onmessage = (message) => {
    recording.messages.push(message);
    notify();
  };
  transport.onerror = (error) => {
    recording.errors.push(error);
    notify();
  };
  transport.ondiagnostic = (event) => recording.diagnostics.push(event);
  transport.onclose = (reason) => {
    recording.closeCalls.push(reason);
    isClosed = true;
    resolveClosed(reason);
    notify();
  };
  return recording;
}
