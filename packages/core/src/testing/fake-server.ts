import { ProtocolError, ErrorCode } from '../index.js';
import type { InboundRequestContext, RequestHandler } from '../jsonrpc/dispatch.js';
import type { RequestOptions } from '../jsonrpc/engine.js';
import { JsonRpcEngine } from '../internal.js';
import type { JsonRpcMessage } from '../jsonrpc/messages.js';
import { InMemoryTransport } from './in-memory-transport.js';

/** How a `FakeServer` introduces itself. */
export interface FakeServerOptions {
  /** Revisions the fake accepts in `initialize`; it answers with the client's if listed, else the first. @default ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] */
  protocolVersions?: string[];
  /** Capabilities it advertises. @default { tools: {}, resources: { subscribe: true }, prompts: {}, logging: {}, completions: {} } */
  capabilities?: Record<string, unknown>;
  /** Its `serverInfo`. @default { name: 'fake-server', version: '1.0.0' } */
  serverInfo?: { name: string; version: string };
  /** Optional `instructions`. */
  instructions?: string;
  /** Makes the fake a 2026-07-28 server: it answers `server/discover` with these revisions. @default none: a legacy server, which answers `server/discover` with -32601 */
  modernVersions?: string[];
}

/**
 * A scriptable MCP server over an in-memory transport, for edge cases a real server will
 * not produce on demand: handlers that hang, fail or crash, raw malformed messages.
 * @example
 * const server = new FakeServer();
 * server.handle('tools/list', () => ({ tools: [] }));
 * await client.connect(server.clientTransport);
 */
export class FakeServer {
  /** Give this end to the client under test. */
  readonly clientTransport: InMemoryTransport;
  /** Every message the server received, in order. */
  readonly received: JsonRpcMessage[] = [];
  private readonly serverTransport: InMemoryTransport;
  private readonly engine: JsonRpcEngine;
  /** Params of the `initialize` request, once received. */
  initializeParams: Record<string, unknown> | undefined;

  constructor(options: FakeServerOptions = {}) {
    [this.clientTransport, this.serverTransport] = InMemoryTransport.createLinkedPair();
    this.engine = new JsonRpcEngine(this.serverTransport, { server: 'fake-server' });
    const deliver = this.serverTransport.onmessage;
    this.serverTransport.onmessage = (message) => {
      this.received.push(message);
      deliver?.(message);
    };
    const versions = options.protocolVersions ?? ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
    this.handle('initialize', (params) => {
      this.initializeParams = params;
      const asked = String(params.protocolVersion);
      return {
        protocolVersion: versions.includes(asked) ? asked : versions[0],
        capabilities: options.capabilities ?? { tools: {}, resources: { subscribe: true }, prompts: {}, logging: {}, completions: {} },
        serverInfo: options.serverInfo ?? { name: 'fake-server', version: '1.0.0' },
        ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
      };
    });
    this.handle('ping', () => ({}));
    if (options.modernVersions !== undefined) {
      const modern = options.modernVersions;
      this.handle('server/discover', () => ({
        resultType: 'complete',
        supportedVersions: modern,
        capabilities: options.capabilities ?? {
          tools: { listChanged: true },
          resources: { subscribe: true, listChanged: true },
          prompts: {},
          completions: {},
        },
        ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
        _meta: { 'io.modelcontextprotocol/serverInfo': options.serverInfo ?? { name: 'fake-server', version: '1.0.0' } },
      }));
    }
    // A new in-memory transport starts at once and cannot fail.
    void this.serverTransport.start();
  }

  /** Answers `method` with `handler`; throw `FakeServer.error(...)` to answer with an error. */
  handle(method: string, handler: (params: Record<string, unknown>, context: InboundRequestContext) => unknown): this {
    this.engine.setRequestHandler(method, handler as RequestHandler);
    return this;
  }

  /** Sends a notification to the client. */
  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.engine.notify(method, params);
  }

  /** Sends a request to the client (sampling, elicitation, roots...) and resolves with its result. */
  request(method: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.engine.request(method, params, options);
  }

  /** Sends any message as is, well-formed or not. */
  sendRaw(message: unknown): void {
    // It rejects only once the transport is closed: a test sending then has a bug, and vitest reports the unhandled rejection.
    void this.serverTransport.send(message as JsonRpcMessage);
  }

  /** Requests received for `method`, in order. */
  requests(method: string): Array<Record<string, unknown>> {
    return this.received
      .filter((m) => 'method' in m && m.method === method && 'id' in m)
      .map((m) => ('params' in m && m.params ? m.params : {}));
  }

  /** Notifications received for `method`, in order. */
  notifications(method: string): Array<Record<string, unknown>> {
    return this.received
      .filter((m) => 'method' in m && m.method === method && !('id' in m))
      .map((m) => ('params' in m && m.params ? m.params : {}));
  }

  /** Ends the connection as if the server died, with `reason` given to the client. */
  crash(reason: Error): void {
    this.serverTransport.fail(reason);
  }

  /** A `ProtocolError` to throw from a handler. */
  static error(code: number = ErrorCode.InternalError, message = 'fake failure', data?: unknown): ProtocolError {
    return new ProtocolError({ code, message, data });
  }
}
