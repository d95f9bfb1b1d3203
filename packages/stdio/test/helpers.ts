import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRpcMessage, JsonRpcRequest, TransportDiagnostic } from '@mcpx/core';
import { faultServersDir } from '@mcpx/test-utils';
import { afterEach } from 'vitest';
import { StdioTransport, type StdioTransportOptions } from '../src/index.js';

/** The command and args running one of the scripts of `@mcpx/test-utils/src/fault-servers`. */
export function faultServer(name: string, ...args: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [join(faultServersDir, `${name}.mjs`), ...args] };
}

/** A transport with everything it reported. */
export interface Recording {
  transport: StdioTransport;
  messages: JsonRpcMessage[];
  errors: Error[];
  diagnostics: TransportDiagnostic[];
  /** Every `onclose` call, to check there is exactly one. */
  closeCalls: (Error | undefined)[];
  /** Settles with the `onclose` reason. */
  closed: Promise<Error | undefined>;
  /** The first message matching `predicate`, already received or to come; rejects if the transport closes first. */
  message(predicate?: (message: JsonRpcMessage) => boolean): Promise<JsonRpcMessage>;
}

/** Hooks recorders on `transport`'s callbacks. */
export function record(transport: StdioTransport): Recording {
  const waiters = new Set<() => void>();
  let isClosed = false;
  let resolveClosed!: (reason: Error | undefined) => void;
  const recording: Recording = {
    transport,
    messages: [],
    errors: [],
    diagnostics: [],
    closeCalls: [],
    closed: new Promise((resolve) => (resolveClosed = resolve)),
    message(predicate = () => true) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = recording.messages.find(predicate);
          if (found !== undefined) resolve(found);
          else if (isClosed) reject(new Error(`closed before the expected message; got ${JSON.stringify(recording.messages)}`));
          else return;
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  transport.onmessage = (message) => {
    recording.messages.push(message);
    for (const waiter of [...waiters]) waiter();
  };
  transport.onerror = (error) => recording.errors.push(error);
  transport.ondiagnostic = (event) => recording.diagnostics.push(event);
  transport.onclose = (reason) => {
    recording.closeCalls.push(reason);
    isClosed = true;
    resolveClosed(reason);
    for (const waiter of [...waiters]) waiter();
  };
  return recording;
}

/** Returns a factory of recorded transports, each closed after the test. */
export function useTransports(): (options: StdioTransportOptions) => Recording {
  const created: StdioTransport[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((transport) => transport.close()));
  });
  return (options) => {
    const transport = new StdioTransport(options);
    created.push(transport);
    return record(transport);
  };
}

let nextId = 1;

/** A request with a fresh id. */
export function request(method: string, params: Record<string, unknown> = {}): JsonRpcRequest {
  return { jsonrpc: '2.0', id: nextId++, method, params };
}

/** The response to `id`, from the messages recorded. */
export function responseTo(id: number | string): (message: JsonRpcMessage) => boolean {
  return (message) => 'id' in message && message.id === id && !('method' in message);
}

/**
 * Whether `pid` still runs. A killed process whose parent has gone waits as a zombie until
 * init reaps it, which some sandboxes do only every few seconds: it no longer runs.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Resolves after the event loop has turned a few times, for "has not happened" checks. */
export function aMoment(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
