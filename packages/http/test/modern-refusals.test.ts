import { EraCache, HeaderMismatchError, ProtocolError, TransportError } from '@mcpx/core';
import { replyJson, type RpcContext } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { MODERN, probing, speakModern, useFakes } from './helpers.js';

const unsupported = (supported: string[]) => (context: RpcContext) =>
  replyJson(
    context.response,
    {
      jsonrpc: '2.0',
      id: context.message.id ?? null,
      error: { code: -32022, message: 'Unsupported protocol version', data: { supported, requested: MODERN } },
    },
    400,
  );

describe('a refused 2026-07-28 request', () => {
  const fakes = useFakes();

  it('keeps the modern era when the 400 body is a modern error: the client retries with a version the server supports', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    let refused = false;
    const discover = (context: RpcContext): void => {
      if (refused) return void context.result({ resultType: 'complete', supportedVersions: [MODERN], capabilities: { tools: {} } });
      refused = true;
      unsupported([MODERN])(context);
    };
    server.on('server/discover', discover);
    const { client } = await fakes.client(server.url(), {}, probing);
    expect(client.session).toMatchObject({ era: 'modern', protocolVersion: MODERN });
    expect(server.posts().map((post) => [post.rpcMethod, post.headers['mcp-protocol-version']])).toEqual([
      ['server/discover', MODERN],
      ['server/discover', MODERN],
    ]);
  });

  it('moves to initialize when the server names only a legacy version in its modern error', async () => {
    const server = await fakes.mcpServer();
    server.on('server/discover', unsupported(['2025-06-18']));
    const { client } = await fakes.client(server.url(), {}, probing);
    expect(client.session).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18' });
    expect(server.posts('initialize')[0]?.json).toMatchObject({ params: { protocolVersion: '2025-06-18' } });
  });

  it.each([
    ['an empty body', (context: RpcContext) => void context.response.writeHead(400).end()],
    [
      'a text body',
      (context: RpcContext) => void context.response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request: unknown header'),
    ],
    ['JSON that is not JSON-RPC', (context: RpcContext) => replyJson(context.response, { error: 'bad request' }, 400)],
    [
      '404 with an HTML page',
      (context: RpcContext) => void context.response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'),
    ],
  ])('falls back to a legacy initialize when the 4xx carries %s', async (_, refuse) => {
    const server = await fakes.mcpServer();
    server.on('server/discover', refuse);
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.ping();
    expect(client.session?.era).toBe('legacy');
    expect(server.posts().map((post) => post.rpcMethod)).toEqual(['server/discover', 'initialize', 'notifications/initialized', 'ping']);
  });

  it('gives the caller the server HeaderMismatch error, and the connection stays modern', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    server.on('tools/call', (context) =>
      replyJson(
        context.response,
        {
          jsonrpc: '2.0',
          id: context.message.id,
          error: { code: -32020, message: "Header mismatch: Mcp-Name header value 'a' does not match body value 'b'" },
        },
        400,
      ),
    );
    const { client } = await fakes.client(server.url(), {}, probing);
    const error = await client.callTool('echo', {}).catch((caught: unknown) => caught);
    expect(HeaderMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: -32020, message: expect.stringContaining('Header mismatch') });
    await client.listTools();
    expect(client.session?.era).toBe('modern');
  });

  it('answers with the server JSON-RPC error for a 404 naming an unknown method, even when its id is null', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    server.on('custom/thing', (context) =>
      replyJson(context.response, { jsonrpc: '2.0', id: null, error: { code: -32601, message: 'Method not found: custom/thing' } }, 404),
    );
    const { client } = await fakes.client(server.url(), {}, probing);
    const error = await client.request('custom/thing', {}).catch((caught: unknown) => caught);
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: -32601, method: 'custom/thing' });
  });

  it('fails with the status and the body when a 400 carries no JSON-RPC error', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    server.on(
      'tools/call',
      ({ response }) => void response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request: proxy says no'),
    );
    const { client } = await fakes.client(server.url(), {}, probing);
    const error = await client.callTool('echo', {}).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, isRetryable: false, message: expect.stringContaining('proxy says no') });
  });
});

describe('the era of an HTTP server', () => {
  const fakes = useFakes();

  it('is remembered per origin: the next connection to that origin starts with initialize', async () => {
    const server = await fakes.mcpServer();
    const eraCache = new EraCache();
    const first = await fakes.client(server.url('/mcp'), {}, { era: 'auto', eraCache });
    expect(first.transport.eraCacheKey).toBe(server.origin);
    expect(eraCache.get(server.origin)).toBe('legacy');
    await first.client.close();
    const second = await fakes.client(server.url('/other/mcp'), {}, { era: 'auto', eraCache });
    expect(second.client.session?.era).toBe('legacy');
    expect(server.posts().map((post) => post.rpcMethod)).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
      'initialize',
      'notifications/initialized',
    ]);
  });

  it('is probed again when the remembered legacy era fails', async () => {
    const server = await fakes.mcpServer();
    const eraCache = new EraCache();
    eraCache.set(server.origin, 'legacy');
    speakModern(server);
    server.on('initialize', (context) =>
      replyJson(context.response, {
        jsonrpc: '2.0',
        id: context.message.id,
        error: { code: -32601, message: 'initialize is not served here: speak 2026-07-28' },
      }),
    );
    const { client } = await fakes.client(server.url(), {}, { era: 'auto', eraCache });
    expect(client.session?.era).toBe('modern');
    expect(eraCache.get(server.origin)).toBe('modern');
    expect(server.posts().map((post) => post.rpcMethod)).toEqual(['initialize', 'server/discover']);
  });

  it('is probed again when a modern-only server refuses the remembered legacy initialize with 400 and its versions', async () => {
    const server = await fakes.mcpServer();
    const eraCache = new EraCache();
    eraCache.set(server.origin, 'legacy');
    speakModern(server);
    server.on('initialize', unsupported([MODERN]));
    const { client } = await fakes.client(server.url(), {}, { era: 'auto', eraCache });
    expect(client.session?.era).toBe('modern');
    expect(server.posts().map((post) => post.rpcMethod)).toEqual(['initialize', 'server/discover']);
  });

  it('refuses a legacy client with the versions the modern-only server named', async () => {
    const server = await fakes.mcpServer();
    server.on('initialize', unsupported([MODERN]));
    const error = await fakes.client(server.url()).catch((caught: unknown) => caught);
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: -32022, data: { supported: [MODERN] }, method: 'initialize' });
  });
});
