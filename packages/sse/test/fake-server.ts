import type { ServerResponse } from 'node:http';
import { openSse, sseEvent, startFakeHttpServer, type RecordedRequest as SharedRequest, type SseFields } from '@mcpx/test-utils';
import { afterEach } from 'vitest';

/** A request the fake server received, with its body read. */
export interface RecordedRequest extends SharedRequest {
  /** Resolves when the client goes away (it closed the stream or the connection). */
  gone: Promise<void>;
}

/** Answers one request; `count` is how many requests of this method came before it. */
export type FakeHandler = (request: RecordedRequest, response: ServerResponse, count: number) => unknown;

/** The shared port-0 fake HTTP server on 127.0.0.1, with a handler per method and per-method counts. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The absolute URL of `path` on this server. */
  url(path: string): string;
  requests: RecordedRequest[];
  /** The requests of one method, in order. */
  requestsOf(method: string): RecordedRequest[];
  close(): Promise<void>;
}

const servers: FakeServer[] = [];

/** Closes every fake server of the test after it, whatever happened. */
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a fake server answering with `handlers[method]` (a 405 for other methods). */
export async function startFake(handlers: Partial<Record<'GET' | 'POST', FakeHandler>>): Promise<FakeServer> {
  const shared = await startFakeHttpServer();
  const requests: RecordedRequest[] = [];
  shared.handle(async (request, response) => {
    const gone = new Promise<void>((resolve) => response.once('close', () => resolve()));
    const recorded: RecordedRequest = { ...request, gone };
    const count = requests.filter((r) => r.method === request.method).length;
    requests.push(recorded);
    const handler = handlers[request.method as 'GET' | 'POST'];
    if (handler === undefined) response.writeHead(405).end();
    else await handler(recorded, response, count);
  });
  const server: FakeServer = {
    origin: shared.origin,
    url: (path) => shared.url(path),
    requests,
    requestsOf: (method) => requests.filter((r) => r.method === method),
    close: () => shared.close(),
  };
  servers.push(server);
  return server;
}

/** Answers with the headers of an event stream and sends them at once. */
export function openStream(response: ServerResponse): void {
  openSse(response);
}

/** Writes one event (a line a field, then a blank line). */
export function writeEvent(response: ServerResponse, event: SseFields): void {
  response.write(sseEvent(event));
}

/** Opens a stream and announces `endpoint` on it: what a 2024-11-05 server does on every GET. */
export function openWithEndpoint(response: ServerResponse, endpoint: string, extra: Omit<SseFields, 'event' | 'data'> = {}): void {
  openSse(response);
  writeEvent(response, { ...extra, event: 'endpoint', data: endpoint });
}

/** A POST handler that accepts every message with 202, as a 2024-11-05 server does. */
export const accept: FakeHandler = (_request, response) => {
  response.writeHead(202, { 'content-type': 'text/plain' }).end('Accepted');
};
