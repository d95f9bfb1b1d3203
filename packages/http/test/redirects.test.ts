import { bearerAuth } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { useFakes } from './helpers.js';

describe('redirects', () => {
  const fakes = useFakes();

  it('never carry credentials to another origin', async () => {
    const other = await fakes.mcpServer();
    const first = await fakes.httpServer((_, response) => void response.writeHead(307, { location: other.url('/moved') }).end());
    const { client } = await fakes.client(first.url(), {
      headers: { 'x-api-key': 'static-key', 'x-trace': 'trace-1' },
      secretHeaders: ['X-Api-Key'],
      authProvider: bearerAuth('bearer-token'),
    });
    await client.ping();
    expect(first.requests.map((r) => [r.method, r.headers.authorization, r.headers['x-api-key']])).toContainEqual([
      'POST',
      'Bearer bearer-token',
      'static-key',
    ]);
    expect(other.requests.length).toBeGreaterThanOrEqual(3);
    for (const received of other.requests) {
      expect(received.headers).not.toHaveProperty('authorization');
      expect(received.headers).not.toHaveProperty('x-api-key');
      expect(received.headers).not.toHaveProperty('mcp-session-id');
      expect(received.headers['x-trace']).toBe('trace-1');
    }
    // 307 keeps the method and the body.
    expect(other.posts('initialize')[0]?.json).toEqual(first.requests.find((r) => r.rpcMethod === 'initialize')?.json);
  });

  it('keep credentials within the origin', async () => {
    const server = await fakes.mcpServer();
    server.intercept((request, response) => request.path === '/old' && (response.writeHead(308, { location: '/mcp' }).end(), true));
    const { client } = await fakes.client(server.url('/old'), { authProvider: bearerAuth('t0k3n') });
    await client.ping();
    const pings = server.posts('ping');
    expect(pings.map((r) => [r.path, r.headers.authorization, r.headers['mcp-session-id']])).toEqual([
      ['/old', 'Bearer t0k3n', 'session-1'],
      ['/mcp', 'Bearer t0k3n', 'session-1'],
    ]);
  });

  it('are followed at most maxRedirects times', async () => {
    const loop = await fakes.httpServer((_, response) => void response.writeHead(308, { location: '/again' }).end());
    const { transport } = fakes.transport(loop.url(), { maxRedirects: 3 });
    await transport.start();
    await expect(transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' })).rejects.toThrow('more than 3 redirects');
    expect(loop.requests).toHaveLength(4);
  });
});
