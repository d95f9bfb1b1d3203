import type { JsonRpcMessage, JsonRpcRequest, TransportDiagnostic } from '@mcpx/core';
import { afterEach } from 'vitest';
// Registered first, so its afterEach runs last: transports close before their servers.
import './fake-server.js';
import { SseClientTransport, type SseClientTransportOptions } from '../src/index.js';

/** A transport with everything it reported. */
export interface Recording {
  transport: SseClientTransport;
  messages: JsonRpcMessage[];
  errors: Error[];
  diagnostics: TransportDiagnostic[];
  /** Every `onclose` call, to check there is exactly one. */
  closeCalls: (Error | undefined)[];
  /** Settles with the `onclose` reason. */
  closed: Promise<Error | undefined>;
}

const transports: SseClientTransport[] = [];

afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
});

/** A transport to `url` with recorders on its callbacks, closed after the test. */
export function recorded(url: string, options: SseClientTransportOptions = {}): Recording {
  const transport = new SseClientTransport(url, options);
  transports.push(transport);
  let resolveClosed!: (reason: Error | undefined) => void;
  const recording: Recording = {
    transport,
    messages: [],
    errors: [],
    diagnostics: [],
    closeCalls: [],
    closed: new Promise((resolve) => (resolveClosed = resolve)),
  };
  transport.onmessage = (message) => recording.messages.push(message);
  transport.onerror = (error) => recording.errors.push(error);
  transport.ondiagnostic = (event) => recording.diagnostics.push(event);
  transport.onclose = (reason) => {
    recording.closeCalls.push(reason);
    resolveClosed(reason);
  };
  return recording;
}

/** Polls `predicate` every 5 ms until it returns a value; fails after `timeoutMs`. */
export function until<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = predicate();
      if (value !== undefined && value !== false) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 5);
  });
}

/** A JSON-RPC request. */
export function request(method: string, id: number | string = 1): JsonRpcRequest {
  return { jsonrpc: '2.0', id, method };
}

/** Reconnection that retries at once, for tests. */
export const immediately = { backoff: () => 0, maxRetries: 3 };

/** A promise with its resolver outside, for a fake server that waits for the test. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
