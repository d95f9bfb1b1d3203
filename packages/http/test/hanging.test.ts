import { ConnectTimeoutError, RequestTimeoutError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { until, useFakes } from './helpers.js';

describe('a server that never sends headers', () => {
  const fakes = useFakes();

  it('lets the request timeout apply, lets go of the request, and close() still completes', { timeout: 10_000 }, async () => {
    const server = await fakes.mcpServer();
    let released = false;
    server.on('tools/call', ({ response }) => {
      response.on('close', () => {
        released = true;
      });
    });
    server.onDelete(() => undefined);
    const { client } = await fakes.client(server.url(), { closeTimeoutMs: 200 });
    const error = await client.callTool('echo', {}, { timeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    await until(() => server.posts('notifications/cancelled').length === 1 && released, 'the cancellation and the released request');
    await client.close();
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('lets a connect time out, and close() still completes', { timeout: 10_000 }, async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', () => undefined);
    const error = await fakes.client(server.url(), {}, { connectTimeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
  });

  it('lets a cancelled request go and keeps working', async () => {
    const server = await fakes.mcpServer();
    let released = false;
    server.on('tools/call', ({ response }) => {
      response.on('close', () => {
        released = true;
      });
    });
    const { client } = await fakes.client(server.url());
    const controller = new AbortController();
    const call = client.callTool('echo', {}, { signal: controller.signal }).catch((caught: unknown) => caught);
    await until(() => server.posts('tools/call').length === 1, 'the call');
    controller.abort('user gave up');
    expect(await call).toMatchObject({ code: 'CANCELLED' });
    await until(() => released, 'the request to be let go');
    // The cancellation is its own POST, which may land after the stream closed.
    await until(() => server.posts('notifications/cancelled').length === 1, 'the cancellation');
    expect(server.posts('notifications/cancelled')[0]?.json).toMatchObject({
      params: { requestId: expect.any(Number), reason: 'user gave up' },
    });
    await client.ping();
  });
});
