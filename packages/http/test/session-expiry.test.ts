import { replyJson } from '@mcpx/test-utils';
import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { initialize, request, useFakes } from './helpers.js';

function log(posts: Array<{ rpcMethod: string | undefined; headers: Record<string, unknown> }>): Array<[string | undefined, unknown]> {
  return posts.map((r) => [r.rpcMethod, r.headers['mcp-session-id'] ?? null]);
}

describe('an expired session (404)', () => {
  const fakes = useFakes();

  it('is renewed once through onsessionexpired, and the refused request is sent again in the new session', async () => {
    const server = await fakes.mcpServer();
    const { transport, messages, diagnostics } = fakes.transport(server.url());
    await transport.start();
    await transport.send(initialize());
    transport.setProtocolVersion('2025-11-25');
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    let renewals = 0;
    transport.onsessionexpired = async () => {
      renewals++;
      await transport.send(initialize());
      await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    };
    server.expireSessions();
    const list = request('tools/list');
    await transport.send(list);

    expect(renewals).toBe(1);
    expect(log(server.posts())).toEqual([
      ['initialize', null],
      ['notifications/initialized', 'session-1'],
      ['tools/list', 'session-1'],
      ['initialize', null],
      ['notifications/initialized', 'session-2'],
      ['tools/list', 'session-2'],
    ]);
    expect(transport.sessionId).toBe('session-2');
    expect(messages.filter((m) => 'id' in m && m.id === list.id)).toHaveLength(1);
    expect(diagnostics).toContainEqual({ type: 'info', message: expect.stringContaining('new session') });
  });

  it('closes a transport nobody renews sessions for, saying so', async () => {
    const server = await fakes.mcpServer();
    const { transport, closeCalls } = fakes.transport(server.url());
    await transport.start();
    await transport.send(initialize());
    server.expireSessions();
    await expect(transport.send(request('tools/list'))).rejects.toThrow(/is closed/);
    expect(closeCalls).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/session expired and a new one could not be started: nothing set onsessionexpired/),
      }),
    ]);
  });

  it('is renewed through McpClient, which never notices', async () => {
    const server = await fakes.mcpServer();
    const { client, transport } = await fakes.client(server.url());
    server.expireSessions();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['echo']);
    expect(transport.sessionId).toBe('session-2');
    expect(client.state).toBe('connected');
  });

  it('is renewed only once for requests that fail together', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url());
    server.expireSessions();
    await Promise.all([client.listTools(), client.ping(), client.listTools(), client.ping()]);
    expect(server.posts('initialize')).toHaveLength(2);
    expect(
      server
        .posts('tools/list')
        .slice(-2)
        .map((r) => r.headers['mcp-session-id']),
    ).toEqual(['session-2', 'session-2']);
  });

  it('fails the request when the new session is refused too, without renewing again', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url());
    server.on('tools/list', ({ response }) =>
      replyJson(response, { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } }, 404),
    );
    const error = await client.listTools().catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining('the new session was refused too') });
    expect(server.posts('initialize')).toHaveLength(2);
    expect(server.posts('tools/list')).toHaveLength(2);
  });

  it('closes the transport, with the reason, when no new session can be started', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url());
    server.expireSessions();
    server.on('initialize', ({ response }) => void response.writeHead(500, { 'content-type': 'text/plain' }).end('database down'));
    await expect(client.listTools()).rejects.toThrow(/session expired and a new one could not be started/);
    expect(client.state).toBe('closed');
    // initialize is safe to repeat: the first attempt and two retries.
    expect(server.posts('initialize')).toHaveLength(4);
  });

  it('does not trigger a renewal when no session id was sent', async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', ({ response }) =>
      replyJson(response, { jsonrpc: '2.0', id: null, error: { code: -32601, message: 'no' } }, 404),
    );
    const { transport } = fakes.transport(server.url());
    await transport.start();
    await expect(transport.send(initialize())).rejects.toMatchObject({ status: 404 });
    expect(server.posts('initialize')).toHaveLength(1);
  });
});
