import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake server received, body included. */
export interface RecordedRequest {
  /** The HTTP method. */
  method: string;
  /** The path and query. */
  path: string;
  /** The headers, names lower case. */
  headers: IncomingHttpHeaders;
  /** The body as text. */
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** The JSON-RPC method of the body, if it has one. */
  rpcMethod: string | undefined;
}

/** Answers one request. An exception answers 500. */
export type FakeHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A `node:http` server on 127.0.0.1 and a free port that records every request. */
export interface FakeHttpServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The URL of `path` on this server. @default path '/mcp' */
  url(path?: string): string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Replaces the handler. */
  handle(handler: FakeHandler): void;
  /** Ends every connection, even those a handler left hanging, and stops listening. */
  close(): Promise<void>;
}

function record(request: IncomingMessage, body: string): RecordedRequest {
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  const rpcMethod =
    typeof json === 'object' && json !== null && 'method' in json && typeof json.method === 'string' ? json.method : undefined;
  return { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body, json, rpcMethod };
}

/** Starts a fake HTTP server; `handler` answers every request (404 by default). */
export async function startFakeHttpServer(handler?: FakeHandler): Promise<FakeHttpServer> {
  let current: FakeHandler = handler ?? ((_, response) => void response.writeHead(404).end());
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = record(request, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      Promise.resolve()
        .then(() => current(recorded, response))
        .catch((error: unknown) => {
          if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`fake server handler failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: (path = '/mcp') => `${origin}${path}`,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Fields of one SSE event. Object data is sent as JSON. */
export interface SseFields {
  id?: string;
  event?: string;
  data?: string | object;
  retry?: number;
}

/** One SSE event as text, ending with the blank line that dispatches it. */
export function sseEvent(fields: SseFields): string {
  let text = '';
  if (fields.id !== undefined) text += `id: ${fields.id}\n`;
  if (fields.event !== undefined) text += `event: ${fields.event}\n`;
  if (fields.retry !== undefined) text += `retry: ${fields.retry}\n`;
  if (fields.data !== undefined) {
    const data = typeof fields.data === 'string' ? fields.data : JSON.stringify(fields.data);
    for (const line of data.split('\n')) text += `data: ${line}\n`;
  }
  return `${text}\n`;
}

/** Starts an SSE answer: status 200, `text/event-stream`, headers sent at once. */
export function openSse(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  response.flushHeaders();
}

/** Answers with a JSON body. */
export function replyJson(response: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
