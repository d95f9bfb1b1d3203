import { ConnectTimeoutError, type McpClient } from '@mcpx/core';
import type { Clock } from './clock.js';

/** Connects one server: creates its transport and client and completes the handshake. Should stop when `signal` aborts. */
export type ConnectFn = (signal: AbortSignal) => Promise<McpClient>;

/** One run of a server's `connect()`, bounded by a timeout and abortable. */
export interface ConnectAttempt {
  /** The connected client; rejects with `ConnectTimeoutError` on timeout, with the reason when aborted. */
  readonly client: Promise<McpClient>;
  /** Settles once `connect()` itself has settled and a client that arrived too late is closed. */
  readonly settled: Promise<void>;
  /** Gives up on the attempt: `connect()` sees its signal abort, and a client it delivers later is closed. */
  abort(reason: Error): void;
}

/**
 * Starts `connect` with a `timeoutMs` budget; a late client is closed, so no process outlives an
 * abandoned attempt. `setting` names the timeout in the error, as the caller's interface does.
 */
export function startConnect(server: string, connect: ConnectFn, timeoutMs: number, clock: Clock, setting?: string): ConnectAttempt {
  const controller = new AbortController();
  const running = Promise.resolve().then(() => connect(controller.signal));
  let adopted = false;
  const client = new Promise<McpClient>((resolve, reject) => {
    const timer = Number.isFinite(timeoutMs)
      ? clock.setTimeout(() => controller.abort(new ConnectTimeoutError(server, timeoutMs, { setting })), timeoutMs)
      : undefined;
    const stopTimer = (): void => {
      if (timer !== undefined) clock.clearTimeout(timer);
    };
    controller.signal.addEventListener(
      'abort',
      () => {
        stopTimer();
        reject(controller.signal.reason);
      },
      { once: true },
    );
    running.then(
      (value) => {
        if (controller.signal.aborted) return;
        adopted = true;
        stopTimer();
        resolve(value);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        stopTimer();
        reject(error);
      },
    );
  });
  // A connect() that failed is reported through `client`: `settled` only says it is over.
  const settled = running.then(
    async (value) => {
      // A client that came too late is dropped: a failure to close it leaves nothing to do.
      if (!adopted) await value.close().catch(() => undefined);
    },
    () => undefined,
  );
  return { client, settled, abort: (reason) => controller.abort(reason) };
}
