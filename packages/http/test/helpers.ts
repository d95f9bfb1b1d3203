import { McpClient, type JsonRpcMessage, type McpClientOptions, type TransportDiagnostic } from '@mcpx/core';
import {
  startFakeHttpServer,
  startFakeMcpServer,
  type FakeHandler,
  type FakeHttpServer,
  type FakeMcpServer,
  type RpcContext,
} from '@mcpx/test-utils';
import { afterEach } from 'vitest';
import { StreamableHttpTransport, type StreamableHttpTransportOptions } from '../src/index.js';

/** Reconnections and retries without waiting, for tests. */
export const fast = {
  reconnect: { backoff: () => 5, maxRetries: 3 },
  retry: { backoff: () => 5 },
} satisfies StreamableHttpTransportOptions;

/** A client connected through a transport, and everything they reported. */
export interface Connected {
  client: McpClient;
  transport: StreamableHttpTransport;
  errors: Error[];
  diagnostics: TransportDiagnostic[];
}

/** A transport used on its own, with everything it reported. */
export interface Recording {
  transport: StreamableHttpTransport;
  messages: JsonRpcMessage[];
  errors: Error[];
  diagnostics: TransportDiagnostic[];
  closeCalls: Array<Error | undefined>;
}

/** Fake servers, transports and clients, all closed after each test. */
export function useFakes() {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    // A cleanup that fails must not keep the others from running.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  return {
    async mcpServer(): Promise<FakeMcpServer> {
      const server = await startFakeMcpServer();
      cleanups.push(() => server.close());
      return server;
    },
    async httpServer(handler: FakeHandler): Promise<FakeHttpServer> {
      const server = await startFakeHttpServer(handler);
      cleanups.push(() => server.close());
      return server;
    },
    transport(url: string, options: StreamableHttpTransportOptions = {}): Recording {
      const transport = new StreamableHttpTransport(url, { ...fast, ...options });
      cleanups.push(() => transport.close());
      const recording: Recording = { transport, messages: [], errors: [], diagnostics: [], closeCalls: [] };
      transport.onmessage = (message) => recording.messages.push(message);
      transport.onerror = (error) => recording.errors.push(error);
      transport.ondiagnostic = (event) => recording.diagnostics.push(event);
      transport.onclose = (reason) => recording.closeCalls.push(reason);
      return recording;
    },
    async client(url: string, options: StreamableHttpTransportOptions = {}, clientOptions: McpClientOptions = {}): Promise<Connected> {
      const transport = new StreamableHttpTransport(url, { ...fast, ...options });
      // The legacy era, so request logs start with initialize; sessions.test.ts covers the era probe.
      const client = new McpClient({ server: 'fake', era: 'legacy', ...clientOptions });
      cleanups.push(() => client.close());
      const connected: Connected = { client, transport, errors: [], diagnostics: [] };
      client.on('error', ({ error }) => connected.errors.push(error));
      client.on('diagnostic', (event) => connected.diagnostics.push(event));
      await client.connect(transport);
      return connected;
    },
  };
}

/** Resolves after the event loop has turned a few times, for "has not happened" checks. */
export function aMoment(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The text of a tool result. */
export function text(result: { content: Array<{ type: string }> }): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

let nextId = 100;

/** A JSON-RPC request with a fresh id. */
export function request(
  method: string,
  params: Record<string, unknown> = {},
): { jsonrpc: '2.0'; id: number; method: string; params: Record<string, unknown> } {
  return { jsonrpc: '2.0', id: nextId++, method, params };
}

/** The `initialize` request a client would send. */
export function initialize(): ReturnType<typeof request> {
  return request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '0.0.0' } });
}

/** The 2026-07-28 revision. */
export const MODERN = '2026-07-28';

/** The client options that settle on the era by probing, without a shared era cache. */
export const probing = { era: 'auto', eraCache: false } satisfies McpClientOptions;

/** A 2026-07-28 result: `result` with `resultType: 'complete'`. */
export function complete(context: RpcContext, result: object = {}): void {
  context.result({ resultType: 'complete', ...result });
}

/**
 * Makes a fake server speak 2026-07-28: it answers `server/discover`, lists `tools`, and
 * answers `tools/call` (echoing the arguments), `resources/read` and `prompts/get`.
 */
export function speakModern(server: FakeMcpServer, tools: object[] = [{ name: 'echo', inputSchema: { type: 'object' } }]): void {
  server.on('server/discover', (context) =>
    complete(context, {
      supportedVersions: [MODERN],
      capabilities: { tools: {}, resources: {}, prompts: {} },
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'fake-modern', version: '1.0.0' } },
    }),
  );
  server.on('tools/list', (context) => complete(context, { tools }));
  server.on('tools/call', (context) =>
    complete(context, { content: [{ type: 'text', text: JSON.stringify(context.message.params?.arguments ?? {}) }] }),
  );
  server.on('resources/read', (context) =>
    complete(context, { contents: [{ uri: String(context.message.params?.uri), text: 'contents' }] }),
  );
  server.on('prompts/get', (context) => complete(context, { messages: [] }));
}

export { until } from '@mcpx/test-utils';
