import { CancelledError, RequestTimeoutError } from '@mcpx/core';
import { openSse, sseEvent, type FakeMcpServer } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { aMoment, probing, request, speakModern, until, useFakes } from './helpers.js';

/** Makes `tools/call` open an SSE stream, send one progress event and then hang; tells when the server sees the stream closed. */
function hangingCall(server: FakeMcpServer): { closed: () => boolean } {
  let closed = false;
  server.on('tools/call', ({ response, message }) => {
    openSse(response);
    response.write(
      sseEvent({
        data: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: `working on ${String(message.id)}` } },
      }),
    );
    response.on('close', () => {
      closed = true;
    });
  });
  return { closed: () => closed };
}

describe('cancelling a 2026-07-28 request', () => {
  const fakes = useFakes();

  it('closes its response stream, which the server sees, and sends no notifications/cancelled', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    const call = hangingCall(server);
    const { client } = await fakes.client(server.url(), {}, probing);
    const controller = new AbortController();
    const pending = client.callTool('echo', {}, { signal: controller.signal }).catch((caught: unknown) => caught);
    await until(() => server.posts('tools/call').length === 1, 'the call');
    await aMoment(20);
    controller.abort('user gave up');
    expect(CancelledError.isInstance(await pending)).toBe(true);
    await until(call.closed, 'the server to see the stream closed');
    await aMoment();
    expect(server.posts('notifications/cancelled')).toEqual([]);
    await client.listTools();
    expect(server.posts().map((post) => post.rpcMethod)).toEqual(['server/discover', 'tools/call', 'tools/list']);
  });

  it('on a timeout closes the stream the same way', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    const call = hangingCall(server);
    const { client } = await fakes.client(server.url(), {}, probing);
    const error = await client.callTool('echo', {}, { timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    await until(call.closed, 'the server to see the stream closed');
    await aMoment();
    expect(server.posts('notifications/cancelled')).toEqual([]);
  });

  it('still sends notifications/cancelled in a legacy session', async () => {
    const server = await fakes.mcpServer();
    const call = hangingCall(server);
    const { client } = await fakes.client(server.url());
    const controller = new AbortController();
    const pending = client.callTool('echo', {}, { signal: controller.signal }).catch((caught: unknown) => caught);
    await until(() => server.posts('tools/call').length === 1, 'the call');
    controller.abort('user gave up');
    await pending;
    await until(() => server.posts('notifications/cancelled').length === 1 && call.closed(), 'the notification and the closed stream');
  });
});

describe('a 2026-07-28 response stream that ends early', () => {
  const fakes = useFakes();

  it('fails its request at once: it is never resumed, even after events with ids', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response }) => {
      openSse(response);
      response.end(
        sseEvent({ id: 'e-1', data: '' }) +
          sseEvent({ id: 'e-2', data: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } } }),
      );
    });
    const { transport, messages } = fakes.transport(server.url());
    await transport.start();
    const call = request('tools/call', { name: 'echo', _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } });
    await expect(transport.send(call)).rejects.toThrow('2026-07-28 streams cannot be resumed');
    expect(messages).toHaveLength(1);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });
});
