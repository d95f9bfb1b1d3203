import type { ServerResponse } from 'node:http';
import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake, writeEvent } from './fake-server.js';
import { recorded, request, until } from './recording.js';

describe('the endpoint event', () => {
  it('is resolved against the stream URL, and messages are POSTed there', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, 'messages?sessionId=abc'), POST: accept });
    const { transport } = recorded(server.url('/mcp/sse'));
    await transport.start();
    expect(transport.endpoint).toBe(server.url('/mcp/messages?sessionId=abc'));
    await transport.send(request('ping', 5));
    const post = server.requestsOf('POST')[0];
    expect(post?.path).toBe('/mcp/messages?sessionId=abc');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toEqual({ jsonrpc: '2.0', id: 5, method: 'ping' });
  });

  it('on another origin makes start() reject, naming both origins, and closes the stream', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, 'http://localhost:1/message') });
    const { transport, closeCalls } = recorded(server.url('/sse'));
    const error: unknown = await transport.start().catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      `the server at ${server.origin} sent a message endpoint on another origin, http://localhost:1`,
    );
    await server.requestsOf('GET')[0]?.gone;
    expect(closeCalls).toEqual([]);
    await expect(transport.send(request('ping'))).rejects.toThrow('is closed');
  });

  it('moving to another origin on an open stream closes the transport with that error', async () => {
    const streams: ServerResponse[] = [];
    const server = await startFake({
      GET: (_req, res) => {
        streams.push(res);
        openWithEndpoint(res, '/message');
      },
    });
    const t = recorded(server.url('/sse'));
    await t.transport.start();
    writeEvent(streams[0]!, { event: 'endpoint', data: 'http://localhost:1/message' });
    const reason = await t.closed;
    expect(reason?.message).toContain('another origin, http://localhost:1');
    expect(t.errors).toEqual([reason]);
    expect(server.requestsOf('GET')).toHaveLength(1);
    await until(() => t.closeCalls.length === 1, 'one onclose');
  });

  it('that never comes makes start() reject after endpointTimeoutMs, and the GET is abandoned', async () => {
    const server = await startFake({
      GET: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': waiting\n\n');
      },
    });
    const { transport } = recorded(server.url('/sse'), { endpointTimeoutMs: 100 });
    const error: unknown = await transport.start().catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, target: server.url('/sse') });
    expect((error as Error).message).toContain(`no endpoint event from ${server.url('/sse')} within 100 ms`);
    await server.requestsOf('GET')[0]?.gone;
  });

  it('is still awaited, within the same timeout, when the server does not even answer the GET', async () => {
    const server = await startFake({ GET: () => undefined });
    const { transport } = recorded(server.url('/sse'), { endpointTimeoutMs: 100 });
    await expect(transport.start()).rejects.toThrow('no endpoint event');
  });

  it('missing from a stream that ends makes start() reject saying so', async () => {
    const server = await startFake({ GET: (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(': bye\n\n') });
    const { transport } = recorded(server.url('/sse'));
    const error: unknown = await transport.start().catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('closed the event stream');
    expect((error as Error).message).toContain('before sending its endpoint event');
  });
});
