import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { McpClientOptions } from '../client/options.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';
import { FakeServer } from '../testing/fake-server.js';
import type { RequestMiddleware } from './request-middleware.js';

const TOOLS = [
  { name: 'echo', inputSchema: { type: 'object' } },
  { name: 'delete-everything', inputSchema: { type: 'object' } },
];

async function connected(options: McpClientOptions, era: 'legacy' | 'modern' = 'legacy') {
  const server = new FakeServer(era === 'modern' ? { modernVersions: ['2026-07-28'] } : {});
  server.handle('tools/list', () => (era === 'modern' ? { resultType: 'complete', tools: TOOLS } : { tools: TOOLS }));
  const client = new McpClient({ eraCache: false, cache: false, ...options });
  await client.connect(server.clientTransport);
  return { server, client };
}

const stamp =
  (key: string, value: unknown): RequestMiddleware =>
  (request, next) =>
    next({ ...request, params: { ...request.params, _meta: { ...(request.params?._meta as object | undefined), [key]: value } } });

describe('request middleware', () => {
  it('runs in the order given, the first outermost, around the request and its result', async () => {
    const trail: string[] = [];
    const layer =
      (name: string): RequestMiddleware =>
      async (request, next) => {
        trail.push(`${name} sends ${request.method}`);
        const result = await next(request);
        trail.push(`${name} got the result`);
        return result;
      };
    const { client } = await connected({ middleware: [layer('outer'), layer('inner')] });
    await client.listTools();
    expect(trail).toEqual(['outer sends tools/list', 'inner sends tools/list', 'inner got the result', 'outer got the result']);
  });

  it('sends the _meta a middleware sets as it is to a legacy server', async () => {
    const { server, client } = await connected({ middleware: [stamp('example.com/tenant', 'acme')] });
    await client.listTools();
    expect(server.requests('tools/list')[0]?._meta).toEqual({ 'example.com/tenant': 'acme' });
  });

  it('merges the _meta a middleware sets into the 2026-07-28 envelope', async () => {
    const { server, client } = await connected({ middleware: [stamp('example.com/tenant', 'acme')] }, 'modern');
    await client.listTools();
    expect(server.requests('tools/list')[0]?._meta).toMatchObject({
      'example.com/tenant': 'acme',
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    });
  });

  it('sees the params before the 2026-07-28 envelope, as it would on a legacy server', async () => {
    const seen: unknown[] = [];
    const { server, client } = await connected({ middleware: [(request, next) => (seen.push(request.params), next(request))] }, 'modern');
    server.handle('tools/call', () => ({ resultType: 'complete', content: [] }));
    await client.callTool('echo', { message: 'hi' });
    expect(seen).toEqual([{ name: 'echo', arguments: { message: 'hi' } }]);
  });

  it('hands the caller a result the middleware replaced', async () => {
    const hide: RequestMiddleware = async (request, next) => {
      const result = await next(request);
      return request.method === 'tools/list'
        ? { ...result, tools: (result.tools as Array<{ name: string }>).filter((tool) => tool.name !== 'delete-everything') }
        : result;
    };
    const { client } = await connected({ middleware: [hide] });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['echo']);
  });

  it("checks a replaced result against the method's result schema", async () => {
    const broken: RequestMiddleware = () => Promise.resolve({ tools: 'none' });
    const { client } = await connected({ middleware: [broken] });
    const error = await client.listTools().catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it('answers a request without sending it when it does not call next', async () => {
    const answer: RequestMiddleware = (request, next) => (request.method === 'tools/list' ? Promise.resolve({ tools: [] }) : next(request));
    const { server, client } = await connected({ middleware: [answer] });
    expect((await client.listTools()).tools).toEqual([]);
    expect(server.requests('tools/list')).toEqual([]);
  });

  it('fails the request with what a middleware throws, even synchronously', async () => {
    const refuse: RequestMiddleware = () => {
      throw new Error('refused by policy');
    };
    const { server, client } = await connected({ middleware: [refuse] });
    await expect(client.callTool('echo', {})).rejects.toThrow('refused by policy');
    expect(server.requests('tools/call')).toEqual([]);
  });

  it("can turn the server's error into a result", async () => {
    const fallback: RequestMiddleware = (request, next) =>
      next(request).catch((error: unknown) => {
        if (!ProtocolError.isInstance(error)) throw error;
        return { content: [{ type: 'text', text: `fallback for error ${error.code}` }], isError: true };
      });
    const { server, client } = await connected({ middleware: [fallback] });
    server.handle('tools/call', () => {
      throw FakeServer.error(-32603, 'boom');
    });
    expect(await client.callTool('echo', {})).toEqual({ content: [{ type: 'text', text: 'fallback for error -32603' }], isError: true });
  });

  it("applies the request options a middleware changes, such as the request's timeout", async () => {
    const impatient: RequestMiddleware = (request, next) => next({ ...request, options: { ...request.options, timeoutMs: 100 } });
    const { server, client } = await connected({ middleware: [impatient] });
    server.handle('tools/call', () => new Promise(() => undefined));
    const error = await client.callTool('echo', {}).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 100 });
  });

  it('is not run for the handshake', async () => {
    const methods: string[] = [];
    const { client } = await connected({ middleware: [(request, next) => (methods.push(request.method), next(request))] });
    await client.ping();
    expect(methods).toEqual(['ping']);
  });
});
