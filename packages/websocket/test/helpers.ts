import type { JsonRpcMessage, JsonRpcRequest, TransportDiagnostic } from '@mcpx/core';
import { startFakeWebSocketServer, type FakeWebSocketServer, type FakeWebSocketServerOptions } from '@mcpx/test-utils';
import { afterEach } from 'vitest';
import { WebSocketTransport, type WebSocketTransportOptions } from '../src/index.js';

/** A transport with everything it reported. */
export interface Recording {
  transport: WebSocketTransport;
  messages: JsonRpcMessage[];
  errors: Error[];
  diagnostics: TransportDiagnostic[];
  /** Every `onclose` call, to check there is exactly one. */
  closeCalls: (Error | undefined)[];
  /** Settles with the `onclose` reason. */
  closed: Promise<Error | undefined>;
  /** Resolves once `onerror` has been called `count` times (at most 10 s). */
  errorCount(count: number): Promise<Error[]>;
  /** The first message matching `predicate`, already received or to come; rejects if the transport closes first. */
  message(predicate?: (message: JsonRpcMessage) => boolean): Promise<JsonRpcMessage>;
}

/** Hooks recorders on `transport`'s callbacks. */
export function record(transport: WebSocketTransport): Recording {
  const waiters = new Set<() => void>();
  let isClosed = false;
  let resolveClosed!: (reason: Error | undefined) => void;
  const wait = <T>(what: string, check: () => T | undefined, failIfClosed: boolean): Promise<T> =>
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
  const recording: Recording = {
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

/** Returns a factory of recorded transports, each closed after the test. */
export function useTransports(): (url: string, options?: WebSocketTransportOptions) => Recording {
  const created: WebSocketTransport[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((transport) => transport.close()));
  });
  return (url, options = {}) => {
    const transport = new WebSocketTransport(url, options);
    created.push(transport);
    return record(transport);
  };
}

/** Returns a starter of fake WebSocket servers, each closed after the test. */
export function useFakeServers(): (options?: FakeWebSocketServerOptions) => Promise<FakeWebSocketServer> {
  const servers: FakeWebSocketServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options) => {
    const server = await startFakeWebSocketServer(options);
    servers.push(server);
    return server;
  };
}

let nextId = 1;

/** A JSON-RPC request with a fresh id. */
export function request(method: string, params?: Record<string, unknown>): JsonRpcRequest {
  return { jsonrpc: '2.0', id: nextId++, method, ...(params === undefined ? {} : { params }) };
}

/** The error `promise` rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** Resolves once `predicate` holds, checking every 5 ms; rejects after 10 s. */
export async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
