import type { RequestMiddleware } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { probing, speakModern, useFakes } from './helpers.js';

const tenant: RequestMiddleware = (request, next) => next({ ...request, headers: { ...request.headers, 'X-Tenant': 'acme' } });

describe('headers added by request middleware over Streamable HTTP', () => {
  const fakes = useFakes();

  it('go with the requests of a legacy session, under the session header the transport owns', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/list', (context) => context.result({ tools: [] }));
    const forging: RequestMiddleware = (request, next) => next({ ...request, headers: { ...request.headers, 'Mcp-Session-Id': 'forged' } });
    const { client } = await fakes.client(server.url(), {}, { middleware: [tenant, forging] });
    await client.listTools();
    const [post] = server.posts('tools/list');
    expect(post?.headers['x-tenant']).toBe('acme');
    expect(post?.headers['mcp-session-id']).not.toBe('forged');
    expect(server.posts('initialize')[0]?.headers).not.toHaveProperty('x-tenant');
  });

  it('go with 2026-07-28 requests too', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    const { client } = await fakes.client(server.url(), {}, { ...probing, middleware: [tenant] });
    await client.listTools();
    expect(server.posts('tools/list')[0]?.headers['x-tenant']).toBe('acme');
  });

  it('win over the headers configured on the transport, for their request only', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/list', (context) => context.result({ tools: [] }));
    const only: RequestMiddleware = (request, next) =>
      request.method === 'tools/list' ? next({ ...request, headers: { 'X-Tenant': 'globex' } }) : next(request);
    const { client } = await fakes.client(server.url(), { headers: { 'X-Tenant': 'acme' } }, { middleware: [only] });
    await client.listTools();
    await client.ping();
    expect(server.posts('tools/list')[0]?.headers['x-tenant']).toBe('globex');
    expect(server.posts('ping')[0]?.headers['x-tenant']).toBe('acme');
  });

  it('mirror into Mcp-Param-* the tool arguments as a middleware left them, so that headers and body agree', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [
      { name: 'query', inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } } },
    ]);
    const pinRegion: RequestMiddleware = (request, next) =>
      request.method === 'tools/call'
        ? next({ ...request, params: { ...request.params, arguments: { region: 'eu-west1' } } })
        : next(request);
    const { client } = await fakes.client(server.url(), {}, { ...probing, middleware: [pinRegion] });
    await client.listTools();
    await client.callTool('query', { region: 'us-west1' });
    const [post] = server.posts('tools/call');
    expect(post?.headers['mcp-param-region']).toBe('eu-west1');
    expect((post?.json as { params?: { arguments?: unknown } } | undefined)?.params?.arguments).toEqual({ region: 'eu-west1' });
  });
});
