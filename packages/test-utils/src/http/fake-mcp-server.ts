import type { ServerResponse } from 'node:http';
import { replyJson, startFakeHttpServer, type FakeHandler, type FakeHttpServer, type RecordedRequest } from './fake-http-server.js';

/** The JSON-RPC message of a POST. */
export interface PostedMessage {
  id?: string | number;
  method: string;
  params?: Record<string, unknown>;
}

/** What an `RpcHandler` gets. */
export interface RpcContext {
  request: RecordedRequest;
  message: PostedMessage;
  response: ServerResponse;
  /** The session the request carried, already checked to be live. */
  session: string | undefined;
  /** Answers the request with a JSON body holding `result`. */
  result(result: object, headers?: Record<string, string>): void;
}

/** Answers one JSON-RPC method. */
export type RpcHandler = (context: RpcContext) => void | Promise<void>;

/**
 * A fake Streamable HTTP MCP server: sessions (`session-1`, `session-2`...), `initialize`
 * and a few methods answered with JSON, 202 for notifications and responses, 405 for GET,
 * 200 for DELETE, 404 for unknown sessions. Every part can be overridden.
 */
export interface FakeMcpServer extends FakeHttpServer {
  /** Overrides how the JSON-RPC `method` (a request or a notification) is answered. */
  on(method: string, handler: RpcHandler): void;
  /** Overrides how GET is answered (405 by default). */
  onGet(handler: FakeHandler): void;
  /** Overrides how DELETE is answered (200 by default). */
  onDelete(handler: FakeHandler): void;
  /** Sees every request first; returning true means it answered it (a redirect, a refusal...). */
  intercept(handler: (request: RecordedRequest, response: ServerResponse) => boolean): void;
  /** The session ids issued so far. */
  readonly sessions: readonly string[];
  /** Forgets every session: requests that carry one get 404 from now on. */
  expireSessions(): void;
  /** The POSTs whose JSON-RPC method is `method` (all POSTs without it), in order. */
  posts(method?: string): RecordedRequest[];
}

/** The result of `initialize` the fake sends, for the revision offered. */
export function initializeResult(protocolVersion: unknown): object {
  return {
    protocolVersion: typeof protocolVersion === 'string' ? protocolVersion : '2025-11-25',
    capabilities: { tools: {}, resources: {}, prompts: {}, logging: {} },
    serverInfo: { name: 'fake-http', version: '1.0.0' },
  };
}

const DEFAULT_RESULTS: Record<string, (message: PostedMessage) => object> = {
  ping: () => ({}),
  'tools/list': () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }),
  'tools/call': (message) => ({ content: [{ type: 'text', text: JSON.stringify(message.params?.arguments ?? {}) }] }),
};

/** Starts a fake MCP server on 127.0.0.1 and a free port. Its endpoint is `url()` (`/mcp`). */
export async function startFakeMcpServer(): Promise<FakeMcpServer> {
  const handlers = new Map<string, RpcHandler>();
  const sessions: string[] = [];
  const live = new Set<string>();
  let onGet: FakeHandler = (_, response) => void response.writeHead(405, { allow: 'POST, DELETE' }).end();
  let onDelete: FakeHandler = (_, response) => void response.writeHead(200).end();
  let intercept: (request: RecordedRequest, response: ServerResponse) => boolean = () => false;

  const route: FakeHandler = async (request, response) => {
    if (intercept(request, response)) return;
    const sessionHeader = request.headers['mcp-session-id'];
    const session = typeof sessionHeader === 'string' ? sessionHeader : undefined;
    if (session !== undefined && !live.has(session)) {
      replyJson(response, { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } }, 404);
      return;
    }
    if (request.method === 'GET') return onGet(request, response);
    if (request.method === 'DELETE') {
      if (session !== undefined) live.delete(session);
      return onDelete(request, response);
    }
    const message = request.json as PostedMessage & { result?: unknown; error?: unknown };
    if (typeof message !== 'object' || message === null) {
      replyJson(response, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }, 400);
      return;
    }
    const context: RpcContext = {
      request,
      message,
      response,
      session,
      result: (result, headers = {}) => replyJson(response, { jsonrpc: '2.0', id: message.id, result }, 200, headers),
    };
    const handler = typeof message.method === 'string' ? handlers.get(message.method) : undefined;
    if (handler !== undefined) return handler(context);
    if (typeof message.method !== 'string' || message.id === undefined) {
      response.writeHead(202).end();
      return;
    }
    if (message.method === 'initialize') {
      const id = `session-${sessions.length + 1}`;
      sessions.push(id);
      live.add(id);
      context.result(initializeResult(message.params?.protocolVersion), { 'mcp-session-id': id });
      return;
    }
    const answer = DEFAULT_RESULTS[message.method];
    if (answer !== undefined) context.result(answer(message));
    else replyJson(response, { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } });
  };

  const server = await startFakeHttpServer(route);
  return {
    ...server,
    on: (method, handler) => void handlers.set(method, handler),
    onGet: (handler) => {
      onGet = handler;
    },
    onDelete: (handler) => {
      onDelete = handler;
    },
    intercept: (handler) => {
      intercept = handler;
    },
    sessions,
    expireSessions: () => live.clear(),
    posts: (method) => server.requests.filter((r) => r.method === 'POST' && (method === undefined || r.rpcMethod === method)),
  };
}
