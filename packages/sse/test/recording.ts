import type { JsonRpcRequest } from '@mcpx/core';
import { recordTransport, type Recording } from '@mcpx/test-utils';
import { afterEach } from 'vitest';
// Registered first, so its afterEach runs last: transports close before their servers.
import './fake-server.js';
import { SseTransport, type SseTransportOptions } from '../src/index.js';

const transports: SseTransport[] = [];

afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
});

/** A transport to `url` with recorders on its callbacks, closed after the test. */
export function recorded(url: string, options: SseTransportOptions = {}): Recording<SseTransport> {
  const transport = new SseTransport(url, options);
  transports.push(transport);
  return recordTransport(transport);
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

export type { Recording } from '@mcpx/test-utils';

export { until } from '@mcpx/test-utils';
