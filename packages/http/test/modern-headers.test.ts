import { describe, expect, it } from 'vitest';
import { complete, MODERN, probing, speakModern, useFakes } from './helpers.js';

const base64 = (value: string): string => `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;

describe('2026-07-28 requests over Streamable HTTP', () => {
  const fakes = useFakes();

  it('carry MCP-Protocol-Version from their _meta (the probe too, before the version is settled) and Mcp-Method', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    const { client, transport } = await fakes.client(server.url(), {}, probing);
    expect(client.session?.era).toBe('modern');
    expect(transport.protocolVersion).toBe(MODERN);
    await client.listTools();
    const [discover, list] = [server.posts('server/discover')[0], server.posts('tools/list')[0]];
    for (const [post, method] of [
      [discover, 'server/discover'],
      [list, 'tools/list'],
    ] as const) {
      expect(post?.headers['mcp-protocol-version']).toBe(MODERN);
      expect(post?.headers['mcp-method']).toBe(method);
      expect(post?.headers).not.toHaveProperty('mcp-name');
      expect(post?.headers.accept).toBe('application/json, text/event-stream');
    }
  });

  it('name their target in Mcp-Name for tools/call, resources/read and prompts/get, as plain ASCII when it is', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [{ name: 'get_weather', inputSchema: { type: 'object' } }]);
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.callTool('get_weather', { location: 'Seattle, WA' });
    await client.readResource('file:///projects/my app/config.json?x=1');
    await client.getPrompt('code-review');
    expect(server.posts('tools/call')[0]?.headers['mcp-name']).toBe('get_weather');
    expect(server.posts('resources/read')[0]?.headers['mcp-name']).toBe('file:///projects/my app/config.json?x=1');
    expect(server.posts('prompts/get')[0]?.headers['mcp-name']).toBe('code-review');
    expect(server.posts('resources/read')[0]?.headers['mcp-method']).toBe('resources/read');
  });

  it('name the task in Mcp-Name for the tasks extension methods (SEP-2663)', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    for (const method of ['tasks/get', 'tasks/update', 'tasks/cancel']) server.on(method, (context) => complete(context, {}));
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.request('tasks/get', { taskId: 'task-1' });
    await client.request('tasks/update', { taskId: 'task-1', inputResponses: {} });
    await client.request('tasks/cancel', { taskId: 'task-1' });
    for (const method of ['tasks/get', 'tasks/update', 'tasks/cancel']) {
      expect(server.posts(method)[0]?.headers['mcp-name']).toBe('task-1');
      expect(server.posts(method)[0]?.headers['mcp-method']).toBe(method);
    }
  });

  it('carry a name that is not plain ASCII in the Base64 sentinel form', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [{ name: 'grüßen', inputSchema: { type: 'object' } }]);
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.callTool('grüßen', {});
    await client.readResource('file:///tmp/naïve.txt');
    await client.getPrompt(' padded ');
    await client.getPrompt('=?base64?looks-encoded?=');
    expect(server.posts('tools/call')[0]?.headers['mcp-name']).toBe(base64('grüßen'));
    expect(server.posts('resources/read')[0]?.headers['mcp-name']).toBe(base64('file:///tmp/naïve.txt'));
    expect(server.posts('prompts/get').map((post) => post.headers['mcp-name'])).toEqual([
      base64(' padded '),
      base64('=?base64?looks-encoded?='),
    ]);
  });

  it('mirror the arguments of x-mcp-header parameters into Mcp-Param-* headers, learned from tools/list', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [
      {
        name: 'execute_sql',
        inputSchema: {
          type: 'object',
          properties: {
            region: { type: 'string', 'x-mcp-header': 'Region' },
            shards: { type: 'integer', 'x-mcp-header': 'Shards' },
            audit: { type: 'boolean', 'x-mcp-header': 'Audit' },
            owner: { type: 'object', properties: { team: { type: 'string', 'x-mcp-header': 'Team' } } },
            note: { type: 'string', 'x-mcp-header': 'Note' },
            query: { type: 'string' },
          },
        },
      },
    ]);
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.listTools();
    await client.callTool('execute_sql', {
      region: 'us-west1',
      shards: 4,
      audit: true,
      owner: { team: 'Dätä' },
      note: null,
      query: 'SELECT 1',
    });
    const headers = server.posts('tools/call')[0]?.headers ?? {};
    expect(Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('mcp-')))).toEqual({
      'mcp-protocol-version': MODERN,
      'mcp-method': 'tools/call',
      'mcp-name': 'execute_sql',
      'mcp-param-region': 'us-west1',
      'mcp-param-shards': '4',
      'mcp-param-audit': 'true',
      'mcp-param-team': base64('Dätä'),
    });
  });

  it('belong to no session: no Mcp-Session-Id even when offered, no GET stream, no DELETE on close', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    server.on('tools/list', ({ result }) => result({ resultType: 'complete', tools: [] }, { 'mcp-session-id': 'offered' }));
    const { client, transport } = await fakes.client(server.url(), {}, probing);
    await client.listTools();
    await client.callTool('echo', {});
    await client.close();
    expect(transport.sessionId).toBeUndefined();
    expect(server.posts().every((post) => post.headers['mcp-session-id'] === undefined)).toBe(true);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('are recognised per message: a legacy session keeps its own headers', async () => {
    const server = await fakes.mcpServer();
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.listTools();
    expect(client.session?.era).toBe('legacy');
    const list = server.posts('tools/list')[0];
    expect(list?.headers).toMatchObject({ 'mcp-session-id': 'session-1', 'mcp-protocol-version': '2025-11-25' });
    expect(list?.headers).not.toHaveProperty('mcp-method');
  });
});
