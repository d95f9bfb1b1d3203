import { McpClient, type McpClientOptions } from '@mcpx/core';
import { startDualEraHttpServer, type DualEraHttpServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StreamableHttpTransport } from '../src/index.js';
import { aMoment, text, until } from './helpers.js';

const handlers: McpClientOptions = {
  elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }),
  sampling: (params) => ({ role: 'assistant', model: 'test-model', content: { type: 'text', text: `saw ${params.messages.length} message(s)` } }),
};

let server: DualEraHttpServer;
beforeAll(async () => {
  server = await startDualEraHttpServer();
});
afterAll(async () => {
  await server.close();
});

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connect(era: 'modern' | 'legacy', options: McpClientOptions = {}): Promise<McpClient> {
  // 'auto' for the modern era: the probe must find it on its own.
  const client = new McpClient({ server: 'dual-era', eraCache: false, ...handlers, era: era === 'legacy' ? 'legacy' : 'auto', ...options });
  clients.push(client);
  await client.connect(new StreamableHttpTransport(server.url, { name: 'dual-era' }));
  return client;
}

describe.each(['modern', 'legacy'] as const)('the official dual-era server over Streamable HTTP, %s era', (era) => {
  it(`settles on the ${era} era`, async () => {
    const client = await connect(era);
    expect(client.session).toMatchObject({ era, serverInfo: { name: 'mcpx-dual-era-test-server' } });
    expect(client.protocolVersion).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
    await client.ping();
  });

  it('lists and calls tools, with structured content', async () => {
    const client = await connect(era);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'add', 'ask-name', 'sample', 'touch-resource']));
    expect(text(await client.callTool('echo', { message: 'hi' }))).toBe('Echo: hi');
    expect((await client.callTool('add', { a: 2, b: 3 })).structuredContent).toEqual({ sum: 5 });
  });

  it('answers elicitation through the handler (multi round-trip when modern)', async () => {
    const client = await connect(era);
    const sent: string[] = [];
    client.on('request', (event) => sent.push(event.method));
    expect(text(await client.callTool('ask-name', {}))).toBe('Hello, Ada!');
    expect(sent).toEqual(era === 'modern' ? ['tools/call', 'tools/call'] : ['tools/call']);
  });

  it('answers sampling through the handler', async () => {
    const client = await connect(era);
    expect(text(await client.callTool('sample', { prompt: 'hi', maxTokens: 7 }))).toBe('Sampled (test-model): saw 1 message(s)');
  });

  it('reports progress from the response stream', async () => {
    const client = await connect(era);
    const seen: number[] = [];
    await client.callTool('slow', { ms: 60, steps: 3 }, { onprogress: (progress) => seen.push(progress.progress) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('receives log messages at the level asked for', async () => {
    const client = await connect(era);
    const levels: string[] = [];
    client.on('notification', (event) => {
      if (event.method === 'notifications/message') levels.push(String(event.params.level));
    });
    await client.setLoggingLevel('warning');
    await client.callTool('log', { message: 'm' });
    await until(() => levels.length >= 2, 'two log messages');
    expect(levels).toEqual(['warning', 'error']);
  });

  it('delivers resource updates and list changes after subscribing (subscriptions/listen when modern)', async () => {
    const client = await connect(era);
    const methods: string[] = [];
    client.on('notification', (event) => methods.push(event.method));
    await client.subscribe({ toolsListChanged: true, resourceSubscriptions: ['test://counter'] });
    await client.callTool('touch-resource', {});
    await until(() => methods.includes('notifications/resources/updated') && methods.includes('notifications/tools/list_changed'), 'the notifications');
  });

  it('reads resources and gets prompts', async () => {
    const client = await connect(era);
    const read = await client.readResource('test://items/alpha');
    expect(read.contents[0]).toMatchObject({ text: 'item alpha' });
    const prompt = await client.getPrompt('greet', { name: 'Grace' });
    expect(JSON.stringify(prompt.messages)).toContain('Grace');
  });
});

describe('cache hints from the dual-era server over Streamable HTTP', () => {
  it('serve tools/list from the cache while ttlMs lasts, until the listen stream says the tools changed', async () => {
    const client = await connect('modern');
    const sent: string[] = [];
    client.on('request', (event) => sent.push(event.method));
    const lists = (): number => sent.filter((method) => method === 'tools/list').length;
    await client.listTools();
    await client.listTools();
    expect(lists()).toBe(1);
    await client.subscribe({ toolsListChanged: true });
    await client.callTool('touch-resource', {});
    let tools: string[] = [];
    for (let i = 0; i < 100 && lists() < 2; i++) {
      await aMoment(20);
      tools = (await client.listTools()).tools.map((tool) => tool.name);
    }
    expect(lists()).toBe(2);
    expect(tools).toContain('get-counter');
  });
});
