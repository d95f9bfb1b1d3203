import type { JsonRpcRequest } from '@mcpx/core';
import {
  recordTransport,
  startFakeWebSocketServer,
  type Recording,
  type FakeWebSocketServer,
  type FakeWebSocketServerOptions,
} from '@mcpx/test-utils';
import { afterEach } from 'vitest';
import { WebSocketTransport, type WebSocketTransportOptions } from '../src/index.js';

/** Returns a factory of recorded transports, each closed after the test. */
export function useTransports(): (url: string, options?: WebSocketTransportOptions) => Recording<WebSocketTransport> {
  const created: WebSocketTransport[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((transport) => transport.close()));
  });
  return (url, options = {}) => {
    const transport = new WebSocketTransport(url, options);
    created.push(transport);
    return recordTransport(transport);
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

export type { Recording } from '@mcpx/test-utils';

export { until } from '@mcpx/test-utils';
