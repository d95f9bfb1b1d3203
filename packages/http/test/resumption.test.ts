import { TransportError } from '@mcpx/core';
import { openSse, sseEvent, type FakeMcpServer, type RpcContext } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { aMoment, text, until, useFakes } from './helpers.js';

const answer = (context: RpcContext, extra: object = {}) => ({
  data: { jsonrpc: '2.0', id: context.message.id, result: { content: [{ type: 'text', text: 'resumed' }] } },
  ...extra,
});

/** tools/call starts with `start`; a GET with `Last-Event-ID: ev-1` then replays its answer; other GETs get 405. */
function replayOnResume(server: FakeMcpServer, start: (context: RpcContext) => void): void {
  let last: RpcContext | undefined;
  server.on('tools/call', (context) => {
    last = context;
    start(context);
  });
  server.onGet((request, response) => {
    if (request.headers['last-event-id'] !== 'ev-1' || last === undefined) return void response.writeHead(405).end();
    openSse(response);
    response.end(sseEvent({ id: 'ev-2', ...answer(last) }));
  });
}

function resumes(server: FakeMcpServer) {
  return server.requests.filter((r) => r.method === 'GET' && r.headers['last-event-id'] !== undefined);
}

describe('a response stream that drops before its response', () => {
  const fakes = useFakes();

  it.each([
    ['ends cleanly', (response: RpcContext['response']) => response.end()],
    ['breaks off', (response: RpcContext['response']) => response.socket?.destroy()],
  ])('is resumed with GET and Last-Event-ID when a priming event came first (the connection %s)', async (_, drop) => {
    const server = await fakes.mcpServer();
    replayOnResume(server, ({ response }) => {
      openSse(response);
      response.write(sseEvent({ id: 'ev-1', data: '' }));
      setTimeout(() => drop(response), 20);
    });
    const { client } = await fakes.client(server.url());
    expect(text(await client.callTool('echo', {}))).toBe('resumed');
    expect(resumes(server).map((r) => [r.headers['last-event-id'], r.headers['mcp-session-id'], r.headers.accept])).toEqual([
      ['ev-1', 'session-1', 'text/event-stream'],
    ]);
  });

  it('fails the request at once, keeping the cause, when no event id was sent', { timeout: 10_000 }, async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response }) => {
      openSse(response);
      response.write(sseEvent({ data: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'working' } } }));
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const { client } = await fakes.client(server.url());
    const error = await client.callTool('echo', {}, { timeoutMs: 60_000 }).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /ended the response stream of tools\/call \(id \d+\) before sending the response, and sent no event id/,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(resumes(server)).toEqual([]);
  });

  it('is not resumed once the response arrived', async () => {
    const server = await fakes.mcpServer();
    const backoff: number[] = [];
    server.on('tools/call', (context) => {
      openSse(context.response);
      context.response.write(sseEvent({ id: 'ev-1', data: '' }));
      context.response.write(sseEvent({ id: 'ev-2', ...answer(context) }));
      setTimeout(() => context.response.socket?.destroy(), 20);
    });
    const { client } = await fakes.client(server.url(), { reconnect: { backoff: (attempt) => (backoff.push(attempt), 5) } });
    expect(text(await client.callTool('echo', {}))).toBe('resumed');
    await client.ping();
    await aMoment(100);
    expect(resumes(server)).toEqual([]);
    expect(backoff).toEqual([]);
  });

  it('is not resumed after close()', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response }) => {
      openSse(response);
      response.write(sseEvent({ id: 'ev-1', data: '' }));
    });
    const { client } = await fakes.client(server.url());
    const call = client.callTool('echo', {}).catch((error: unknown) => error);
    await until(() => server.posts('tools/call').length === 1, 'the call to arrive');
    await aMoment(20);
    await client.close();
    expect(await call).toMatchObject({ code: 'CONNECTION_CLOSED' });
    await aMoment(100);
    expect(resumes(server)).toEqual([]);
  });

  it("waits what the server's retry field says instead of the backoff", async () => {
    const server = await fakes.mcpServer();
    replayOnResume(server, ({ response }) => {
      openSse(response);
      response.end(sseEvent({ id: 'ev-1', retry: 30, data: '' }));
    });
    const backoff: number[] = [];
    const { client } = await fakes.client(server.url(), { reconnect: { backoff: (attempt) => (backoff.push(attempt), 5), maxRetries: 3 } });
    expect(text(await client.callTool('echo', {}))).toBe('resumed');
    expect(backoff).toEqual([]);
    expect(resumes(server)).toHaveLength(1);
  });

  it('gives up after maxRetries failed resumptions, with the last failure as the cause', async () => {
    const server = await fakes.mcpServer();
    const backoff: number[] = [];
    server.on('tools/call', ({ response }) => {
      openSse(response);
      response.end(sseEvent({ id: 'ev-1', data: '' }));
    });
    server.onGet(
      (request, response) =>
        void response.writeHead(request.headers['last-event-id'] === undefined ? 405 : 503, { 'content-type': 'text/plain' }).end('busy'),
    );
    const { client } = await fakes.client(server.url(), { reconnect: { backoff: (attempt) => (backoff.push(attempt), 5), maxRetries: 2 } });
    const error = await client.callTool('echo', {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'TRANSPORT_ERROR',
      message: expect.stringContaining('could not be reconnected (gave up after 2 attempts)'),
    });
    expect((error as Error).cause).toMatchObject({ status: 503 });
    expect(backoff).toEqual([0, 1]);
    expect(resumes(server)).toHaveLength(2);
  });
});
