import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { McpClientOptions } from '../client/options.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';
import { FakeServer } from '../testing/fake-server.js';
import { REQUEST_CONTEXT_KEY, type RequestContext } from './request-context.js';

const CONTEXT: RequestContext = {
  sessionId: 'session-123',
  userId: 'user-456',
  clientId: 'client-789',
  ttlMs: 60_000,
  priority: 1,
  tags: ['production', 'critical'],
  metadata: { userRole: 'admin', requestSource: 'web-ui' },
};

async function connected(options: McpClientOptions, era: 'legacy' | 'modern' = 'legacy') {
  const server = new FakeServer(era === 'modern' ? { modernVersions: ['2026-07-28'] } : {});
  server.handle('prompts/list', () => (era === 'modern' ? { resultType: 'complete', prompts: [] } : { prompts: [] }));
  const client = new McpClient({ eraCache: false, cache: false, ...options });
  await client.connect(server.clientTransport);
  return { server, client };
}

const contextOf = (params: Record<string, unknown> | undefined): unknown =>
  (params?._meta as Record<string, unknown> | undefined)?.[REQUEST_CONTEXT_KEY];

describe('the request context', () => {
  it('goes in the _meta of every request to a legacy server', async () => {
    const { server, client } = await connected({ context: CONTEXT });
    await client.listPrompts();
    await client.ping();
    expect(contextOf(server.requests('prompts/list')[0])).toEqual(CONTEXT);
    expect(contextOf(server.requests('ping')[0])).toEqual(CONTEXT);
  });

  it('goes in the _meta of a 2026-07-28 request beside the envelope', async () => {
    const { server, client } = await connected({ context: CONTEXT }, 'modern');
    await client.listPrompts();
    const meta = server.requests('prompts/list')[0]?._meta;
    expect(meta).toMatchObject({ [REQUEST_CONTEXT_KEY]: CONTEXT, 'io.modelcontextprotocol/protocolVersion': '2026-07-28' });
  });

  it("is overridden by a call's context field by field, its metadata key by key", async () => {
    const { server, client } = await connected({ context: CONTEXT });
    await client.listPrompts({ context: { userId: 'user-999', tags: ['batch'], metadata: { requestSource: 'cron' } } });
    expect(contextOf(server.requests('prompts/list')[0])).toEqual({
      ...CONTEXT,
      userId: 'user-999',
      tags: ['batch'],
      metadata: { userRole: 'admin', requestSource: 'cron' },
    });
  });

  it('is sent for one call when only the call gives one', async () => {
    const { server, client } = await connected({});
    await client.listPrompts({ context: { userId: 'user-1' } });
    await client.listPrompts();
    expect(server.requests('prompts/list').map(contextOf)).toEqual([{ userId: 'user-1' }, undefined]);
  });

  it("ends a request that outlives the context's TTL with a timeout", async () => {
    const { server, client } = await connected({ context: { ttlMs: 300 } });
    server.handle('tools/call', () => new Promise(() => undefined));
    const error = await client.callTool('slow', {}).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 300 });
  });

  it("keeps the client's maxTotalTimeoutMs when it is shorter than the TTL", async () => {
    const { server, client } = await connected({ context: { ttlMs: 600_000 }, maxTotalTimeoutMs: 300 });
    server.handle('tools/call', () => new Promise(() => undefined));
    const error = await client.callTool('slow', {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 300 });
  });
});
