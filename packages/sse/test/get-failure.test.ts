import { TransportError } from '@mcpx/core';
import { freePort } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { startFake } from './fake-server.js';
import { recorded } from './recording.js';

async function startError(url: string): Promise<TransportError> {
  const { transport } = recorded(url);
  const error: unknown = await transport.start().catch((e: unknown) => e);
  if (!TransportError.isInstance(error)) throw new Error(`expected a TransportError, got ${String(error)}`);
  return error;
}

describe('a GET of the event stream that fails', () => {
  it('with 404 rejects start() with a non-retryable TransportError carrying the status, URL and body', async () => {
    const server = await startFake({
      GET: (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<pre>Cannot GET /events</pre>'),
    });
    const error = await startError(server.url('/events'));
    expect(error).toMatchObject({ status: 404, isRetryable: false, target: server.url('/events') });
    expect(error.message).toContain(`GET ${server.url('/events')} answered 404 Not Found`);
    expect(error.message).toContain('Cannot GET /events');
  });

  it('with 500 rejects start() with a retryable TransportError carrying the status', async () => {
    const server = await startFake({ GET: (_req, res) => res.writeHead(500).end('database is down') });
    const error = await startError(server.url('/sse'));
    expect(error).toMatchObject({ status: 500, isRetryable: true });
    expect(error.message).toContain('database is down');
  });

  it('with 429 is retryable too', async () => {
    const server = await startFake({ GET: (_req, res) => res.writeHead(429).end() });
    expect(await startError(server.url('/sse'))).toMatchObject({ status: 429, isRetryable: true });
  });

  it('with 200 but no event stream (a Streamable HTTP server, say) rejects start() naming the content type', async () => {
    const server = await startFake({ GET: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}') });
    const error = await startError(server.url('/mcp'));
    expect(error).toMatchObject({ status: 200, isRetryable: false });
    expect(error.message).toContain('answered 200 with application/json instead of an event stream');
  });

  it('because nothing listens rejects start() with a retryable TransportError without a status', async () => {
    const url = `http://127.0.0.1:${await freePort()}/sse`;
    const error = await startError(url);
    expect(error).toMatchObject({ status: undefined, isRetryable: true, target: url });
    expect(error.message).toContain(`could not reach ${url}`);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
