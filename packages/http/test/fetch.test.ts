import { TransportError } from '@mcpx/core';
import { freePort, openSse, sseEvent } from '@mcpx/test-utils';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { initialize, text, useFakes } from './helpers.js';

describe('how requests are sent', () => {
  const fakes = useFakes();

  it('through a user-supplied fetch, with redirects left to the transport', async () => {
    const server = await fakes.mcpServer();
    const seen: Array<[string, string | undefined, RequestInit['redirect']]> = [];
    const { client } = await fakes.client(server.url(), {
      fetch: (input, init) => {
        seen.push([input, init.method, init.redirect]);
        return fetch(input, init);
      },
    });
    await client.ping();
    expect(seen.slice(0, 2)).toEqual([
      [server.url(), 'POST', 'manual'],
      [server.url(), 'POST', 'manual'],
    ]);
  });

  it('through a user-supplied fetch, with SSE answers and error bodies read from its streams', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response, message }) => {
      openSse(response);
      response.write(sseEvent({ data: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'working' } } }));
      response.end(sseEvent({ data: { jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'streamed' }] } } }));
    });
    server.on('tools/list', ({ response }) => void response.writeHead(500, { 'content-type': 'text/plain' }).end('database down'));
    const { client } = await fakes.client(server.url(), { fetch: (input, init) => fetch(input, init), retry: { maxRetries: 0 } });
    expect(text(await client.callTool('echo', {}))).toBe('streamed');
    await expect(client.listTools()).rejects.toThrow('answered 500 Internal Server Error with "database down"');
  });

  it('through a dispatcher the user passes in', async () => {
    const server = await fakes.mcpServer();
    const agent = new Agent({ connections: 4 });
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    try {
      const { client } = await fakes.client(server.url(), { dispatcher: counting });
      await client.ping();
      await client.close();
      expect(dispatched).toBeGreaterThanOrEqual(4);
    } finally {
      await agent.close();
    }
  });

  it("through undici's fetch when requestInit is set, which it then honours", async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), { requestInit: { referrer: 'http://127.0.0.1/from' } });
    await client.ping();
    expect(server.posts('ping')[0]?.headers).toMatchObject({ referer: 'http://127.0.0.1/', 'mcp-session-id': 'session-1' });
  });

  it('straight through the dispatcher by default, with the User-Agent fetch sent and no Accept-Encoding', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), { headers: { 'X-Trace': 't-1' } });
    await client.ping();
    const ping = server.posts('ping')[0];
    expect(ping?.headers).toMatchObject({
      'user-agent': 'undici',
      'x-trace': 't-1',
      'mcp-session-id': 'session-1',
      accept: 'application/json, text/event-stream',
    });
    expect(ping?.headers).not.toHaveProperty('accept-encoding');
  });

  it('with a configured header in any case in place of the default of that name, not beside it', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), { headers: { 'User-Agent': 'my-agent/1.0', 'X-Team': 'a' } });
    await client.ping();
    await client.ping();
    for (const ping of server.posts('ping')) expect(ping.headers).toMatchObject({ 'user-agent': 'my-agent/1.0', 'x-team': 'a' });
  });

  it('retrying a safe message when the server cannot be reached, then failing with a retryable TransportError', async () => {
    const port = await freePort();
    const backoff: number[] = [];
    const { transport } = fakes.transport(`http://127.0.0.1:${port}/mcp`, { retry: { backoff: (attempt) => (backoff.push(attempt), 5) } });
    await transport.start();
    const error = await transport.send(initialize()).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, message: expect.stringContaining(`could not reach http://127.0.0.1:${port}/mcp: `) });
    expect(backoff).toEqual([0, 1]);
  });
});
