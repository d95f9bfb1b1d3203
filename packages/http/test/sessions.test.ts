import { replyJson, type RpcContext } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { initialize, request, useFakes } from './helpers.js';

describe('sessions', () => {
  const fakes = useFakes();

  it('adopts the session id of the initialize answer and sends it, with the protocol version, on everything after', async () => {
    const server = await fakes.mcpServer();
    const { client, transport } = await fakes.client(server.url());
    await client.listTools();
    expect(transport.sessionId).toBe('session-1');
    await client.close();
    const [init, initialized, list] = ['initialize', 'notifications/initialized', 'tools/list'].map((method) => server.posts(method)[0]);
    expect(init?.headers).not.toHaveProperty('mcp-session-id');
    expect(init?.headers).not.toHaveProperty('mcp-protocol-version');
    expect(init?.headers.accept).toBe('application/json, text/event-stream');
    expect(init?.headers['content-type']).toBe('application/json');
    for (const later of [initialized, list]) {
      expect(later?.headers['mcp-session-id']).toBe('session-1');
      expect(later?.headers['mcp-protocol-version']).toBe('2025-11-25');
    }
    expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.headers['mcp-session-id'])).toEqual(['session-1']);
  });

  it('does not adopt a session id offered with a failed initialize', async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', ({ response, message }) =>
      replyJson(response, { jsonrpc: '2.0', id: message.id, error: { code: -32602, message: 'unsupported' } }, 200, {
        'mcp-session-id': 'not-this-one',
      }),
    );
    const { transport, messages } = fakes.transport(server.url());
    await transport.start();
    await transport.send(initialize());
    expect(messages).toEqual([expect.objectContaining({ error: expect.objectContaining({ message: 'unsupported' }) })]);
    expect(transport.sessionId).toBeUndefined();
    await transport.send(request('ping'));
    expect(server.posts('ping')[0]?.headers).not.toHaveProperty('mcp-session-id');
  });

  it('works with a server that assigns no session, and then sends no DELETE on close', async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', ({ result, message }) =>
      result({ protocolVersion: message.params?.protocolVersion, capabilities: {}, serverInfo: { name: 'stateless', version: '1' } }),
    );
    const { client, transport } = await fakes.client(server.url());
    await client.ping();
    await client.close();
    expect(transport.sessionId).toBeUndefined();
    expect(server.posts().every((r) => r.headers['mcp-session-id'] === undefined)).toBe(true);
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it.each([
    [
      'a JSON-RPC error',
      (context: RpcContext) =>
        replyJson(context.response, { jsonrpc: '2.0', id: context.message.id, error: { code: -32601, message: 'Method not found' } }),
    ],
    [
      '400 Bad Request',
      (context: RpcContext) =>
        replyJson(
          context.response,
          { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request: Server not initialized' } },
          400,
        ),
    ],
  ])("lets the client's era probe fall back to initialize when server/discover is refused with %s", async (_, refuse) => {
    const server = await fakes.mcpServer();
    server.on('server/discover', refuse);
    const { client, transport } = await fakes.client(server.url(), {}, { era: 'auto', eraCache: false });
    await client.ping();
    expect(server.posts().map((r) => [r.rpcMethod, r.headers['mcp-session-id'] ?? null])).toEqual([
      ['server/discover', null],
      ['initialize', null],
      ['notifications/initialized', 'session-1'],
      ['ping', 'session-1'],
    ]);
    expect(transport.sessionId).toBe('session-1');
    expect(client.protocolVersion).toBe('2025-11-25');
  });

  it('refuses a session id that is not visible ASCII', async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', ({ result, message }) =>
      result(
        { protocolVersion: message.params?.protocolVersion, capabilities: {}, serverInfo: { name: 'x', version: '1' } },
        { 'mcp-session-id': 'has space' },
      ),
    );
    const { transport } = fakes.transport(server.url());
    await transport.start();
    await expect(transport.send(initialize())).rejects.toThrow('invalid Mcp-Session-Id');
  });
});
