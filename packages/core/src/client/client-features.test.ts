import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';
import type { McpClientOptions } from './options.js';

async function connected(options: McpClientOptions = {}) {
  const server = new FakeServer();
  const client = new McpClient(options);
  await client.connect(server.clientTransport);
  return { server, client };
}

describe('pagination', () => {
  it('follows nextCursor across pages', async () => {
    const { server, client } = await connected();
    server.handle('tools/list', (params) => {
      const page = params.cursor === undefined ? 0 : Number(params.cursor);
      const tools = [{ name: `t${page}`, inputSchema: { type: 'object' } }];
      return page < 2 ? { tools, nextCursor: String(page + 1) } : { tools };
    });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['t0', 't1', 't2']);
    expect(server.requests('tools/list').map((p) => p.cursor)).toEqual([undefined, '1', '2']);
  });

  it('stops a server whose cursors loop', async () => {
    const { server, client } = await connected();
    server.handle('prompts/list', () => ({ prompts: [], nextCursor: 'same' }));
    await expect(client.listPrompts()).rejects.toThrow(/repeated the cursor "same"/);
  });

  it('stops after maxPages pages', async () => {
    const { server, client } = await connected({ maxPages: 3 });
    let n = 0;
    server.handle('resources/list', () => ({ resources: [], nextCursor: String(n++) }));
    await expect(client.listResources()).rejects.toThrow(/more after 3 pages; raise `maxPages`/);
  });
});

describe('tool calls and output schemas', () => {
  async function withTool() {
    const ctx = await connected();
    ctx.server.handle('tools/list', () => ({
      tools: [
        {
          name: 'add',
          inputSchema: { type: 'object' },
          outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
        },
      ],
    }));
    await ctx.client.listTools();
    return ctx;
  }

  it('accepts structuredContent that matches the outputSchema', async () => {
    const { server, client } = await withTool();
    server.handle('tools/call', () => ({ content: [], structuredContent: { sum: 3 } }));
    await expect(client.callTool('add', { a: 1, b: 2 })).resolves.toMatchObject({ structuredContent: { sum: 3 } });
    expect(server.requests('tools/call')).toEqual([{ name: 'add', arguments: { a: 1, b: 2 } }]);
  });

  it('rejects structuredContent that breaks the outputSchema', async () => {
    const { server, client } = await withTool();
    server.handle('tools/call', () => ({ content: [], structuredContent: { sum: 'three' } }));
    await expect(client.callTool('add', {})).rejects.toThrow(/tool "add" returned structuredContent that does not match its outputSchema/);
  });

  it('does not validate a result whose isError is true', async () => {
    const { server, client } = await withTool();
    server.handle('tools/call', () => ({ content: [{ type: 'text', text: 'failed' }], isError: true }));
    await expect(client.callTool('add', {})).resolves.toMatchObject({ isError: true });
  });

  it('rejects a missing structuredContent when the tool declared an outputSchema', async () => {
    const { server, client } = await withTool();
    server.handle('tools/call', () => ({ content: [] }));
    await expect(client.callTool('add', {})).rejects.toThrow(/declares an outputSchema but returned no structuredContent/);
  });

  it('rejects a result that is not a CallToolResult', async () => {
    const { server, client } = await connected();
    server.handle('tools/call', () => ({ content: 'not an array' }));
    await expect(client.callTool('x')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('server-to-client requests', () => {
  it('routes sampling to the handler', async () => {
    const { server } = await connected({
      sampling: (params) => ({ role: 'assistant', content: { type: 'text', text: `echo ${params.maxTokens}` }, model: 'test-model' }),
    });
    const result = await server.request('sampling/createMessage', {
      messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
      maxTokens: 5,
    });
    expect(result).toMatchObject({ model: 'test-model', content: { text: 'echo 5' } });
  });

  it('fills elicitation fields the handler left out with the schema defaults', async () => {
    const { server } = await connected({ elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }) });
    const result = await server.request('elicitation/create', {
      message: 'Who are you?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'number', default: 36 }, admin: { type: 'boolean', default: false } },
      },
    });
    expect(result).toEqual({ action: 'accept', content: { name: 'Ada', age: 36, admin: false } });
  });

  it('tells a handler which server asked', async () => {
    let asked: string | undefined;
    const { server } = await connected({
      server: 'docs',
      elicitation: (_params, context) => ((asked = context.server), { action: 'decline' }),
    });
    await server.request('elicitation/create', { message: 'ok?', requestedSchema: { type: 'object', properties: {} } });
    expect(asked).toBe('docs');
  });

  it('answers roots/list and ping', async () => {
    const { server } = await connected({ roots: () => [{ uri: 'file:///work', name: 'work' }] });
    await expect(server.request('roots/list')).resolves.toEqual({ roots: [{ uri: 'file:///work', name: 'work' }] });
    await expect(server.request('ping')).resolves.toEqual({});
  });

  it('answers -32601 for sampling when no handler is registered', async () => {
    const { server } = await connected();
    await expect(server.request('sampling/createMessage', { messages: [], maxTokens: 1 })).rejects.toMatchObject({ code: -32601 });
  });
});

describe('events and metrics', () => {
  it('reports requests, responses and notifications, also through the async iterator', async () => {
    const { server, client } = await connected();
    const controller = new AbortController();
    const seen: string[] = [];
    const iterate = (async () => {
      for await (const event of client.events(controller.signal)) {
        seen.push(event.type === 'notification' ? `notification:${event.method}` : event.type);
        if (event.type === 'notification') controller.abort();
      }
    })();
    const durations: number[] = [];
    client.on('response', (e) => durations.push(e.durationMs));
    await client.ping();
    await server.notify('notifications/tools/list_changed');
    await iterate;
    expect(seen).toEqual(['request', 'response', 'notification:notifications/tools/list_changed']);
    expect(durations).toHaveLength(1);
  });

  it('counts requests and latencies per method', async () => {
    const { server, client } = await connected();
    server.handle('tools/call', () => {
      throw FakeServer.error(-32602, 'nope');
    });
    await client.ping();
    await client.ping();
    // The refusal is expected: the test counts it in the metrics below.
    await client.callTool('x').catch(() => undefined);
    const snapshot = client.metrics();
    // The era probe (server/discover, refused by this legacy fake) and initialize count too.
    expect(snapshot).toMatchObject({ requestsTotal: 5, requestsSucceeded: 3, requestsFailed: 2 });
    expect(snapshot.methods['server/discover']).toMatchObject({ total: 1, failed: 1 });
    expect(snapshot.methods.ping).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect(snapshot.methods['tools/call']).toMatchObject({ total: 1, failed: 1 });
    const latency = snapshot.methods.ping?.latency;
    expect(latency && latency.min <= latency.p50 && latency.p50 <= latency.p99 && latency.p99 <= latency.max).toBe(true);
    expect(snapshot.uptimeMs).toBeGreaterThan(0);
  });
});
