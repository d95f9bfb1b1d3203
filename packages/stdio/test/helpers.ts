import { join } from 'node:path';
import type { JsonRpcMessage, JsonRpcRequest } from '@mcpx/core';
import { faultServersDir, recordTransport, type Recording } from '@mcpx/test-utils';
import { afterEach } from 'vitest';
import { StdioTransport, type StdioTransportOptions } from '../src/index.js';

/** The command and args running one of the scripts of `@mcpx/test-utils/src/fault-servers`. */
export function faultServer(name: string, ...args: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [join(faultServersDir, `${name}.mjs`), ...args] };
}

/** Returns a factory of recorded transports, each closed after the test. */
export function useTransports(): (options: StdioTransportOptions) => Recording<StdioTransport> {
  const created: StdioTransport[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((transport) => transport.close()));
  });
  return (options) => {
    const transport = new StdioTransport(options);
    created.push(transport);
    return recordTransport(transport);
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

/** Resolves after the event loop has turned a few times, for "has not happened" checks. */
export function aMoment(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { isRunning } from '@mcpx/test-utils';
export type { Recording } from '@mcpx/test-utils';
