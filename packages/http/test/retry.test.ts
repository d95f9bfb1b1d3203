import type { ServerResponse } from 'node:http';
import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import type { HttpRetry } from '../src/index.js';
import { text, useFakes } from './helpers.js';

/** Answers `status` to the first `times` calls, then lets the default answer. */
function failing(times: number, status: number, headers: Record<string, string> = {}) {
  let calls = 0;
  return (fallback: () => void, response: ServerResponse): void => {
    calls++;
    if (calls > times) return fallback();
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end('try again');
  };
}

describe('retries after 5xx and 429', () => {
  const fakes = useFakes();

  it('retry a 429 after what Retry-After says, without consulting the backoff', async () => {
    const server = await fakes.mcpServer();
    const backoff: number[] = [];
    const { client } = await fakes.client(server.url(), { retry: { backoff: (attempt) => (backoff.push(attempt), 5) } });
    const fail = failing(1, 429, { 'retry-after': '0' });
    server.on('tools/list', (context) => fail(() => context.result({ tools: [] }), context.response));
    await client.listTools();
    expect(server.posts('tools/list')).toHaveLength(2);
    expect(backoff).toEqual([]);
  });

  it('cut a long Retry-After to maxRetryAfterMs', { timeout: 10_000 }, async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), { retry: { maxRetryAfterMs: 20 } });
    const fail = failing(1, 503, { 'retry-after': '3600' });
    server.on('resources/list', (context) => fail(() => context.result({ resources: [] }), context.response));
    await client.listResources();
    expect(server.posts('resources/list')).toHaveLength(2);
  });

  it('give up on a safe method after maxRetries, with status, URL and the start of the body', async () => {
    const server = await fakes.mcpServer();
    const backoff: number[] = [];
    const { client } = await fakes.client(server.url(), { retry: { backoff: (attempt) => (backoff.push(attempt), 5) } });
    server.on(
      'tools/list',
      ({ response }) => void response.writeHead(502, { 'content-type': 'text/html' }).end(`<h1>Bad Gateway</h1>${'x'.repeat(1000)}`),
    );
    const error = await client.listTools().catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 502,
      isRetryable: true,
      target: server.url(),
      message: expect.stringContaining('answered 502 Bad Gateway with "<h1>Bad Gateway</h1>xxx'),
    });
    expect((error as Error).message.length).toBeLessThan(600);
    expect(server.posts('tools/list')).toHaveLength(3);
    expect(backoff).toEqual([0, 1]);
  });

  it('never repeat tools/call', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url());
    const fail = failing(1, 503);
    server.on('tools/call', (context) => fail(() => context.result({ content: [] }), context.response));
    await expect(client.callTool('echo', {})).rejects.toMatchObject({ status: 503 });
    expect(server.posts('tools/call')).toHaveLength(1);
  });

  it('repeat tools/call when the caller opts in with retryToolCalls', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), { retry: { retryToolCalls: true, backoff: () => 5 } });
    const fail = failing(1, 503);
    server.on('tools/call', (context) =>
      fail(() => context.result({ content: [{ type: 'text', text: 'second time' }] }), context.response),
    );
    expect(text(await client.callTool('echo', {}))).toBe('second time');
    expect(server.posts('tools/call')).toHaveLength(2);
  });

  it('do not apply to other statuses', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url());
    server.on(
      'ping',
      ({ response }) =>
        void response
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Bad header"}}'),
    );
    await expect(client.ping()).rejects.toMatchObject({ status: 400, isRetryable: false, message: expect.stringContaining('Bad header') });
    expect(server.posts('ping')).toHaveLength(1);
  });
});

describe('the onRetry hook', () => {
  const fakes = useFakes();

  it('is told of a retry after a 503 with the attempt, status, delay and a bare URL', async () => {
    const server = await fakes.mcpServer();
    const retries: HttpRetry[] = [];
    const url = `${server.url()}?token=secret`;
    const { client } = await fakes.client(url, { retry: { backoff: () => 5, onRetry: (retry) => void retries.push(retry) } });
    const fail = failing(1, 503);
    server.on('tools/list', (context) => fail(() => context.result({ tools: [] }), context.response));
    await client.listTools();
    expect(retries).toEqual([{ url: server.url(), method: 'tools/list', attempt: 1, delayMs: 5, status: 503 }]);
  });

  it('does not change the request when it throws', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), {
      retry: {
        backoff: () => 5,
        onRetry: () => {
          throw new Error('hook failed');
        },
      },
    });
    const fail = failing(1, 503);
    server.on('tools/list', (context) => fail(() => context.result({ tools: [] }), context.response));
    await expect(client.listTools()).resolves.toEqual({ tools: [] });
    expect(server.posts('tools/list')).toHaveLength(2);
  });
});
