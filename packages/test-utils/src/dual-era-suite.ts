import { McpClient, type McpClientOptions } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportFactory } from './feature-suite.js';

const handlers: McpClientOptions = {
  elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }),
  sampling: (params) => ({
    role: 'assistant',
    model: 'test-model',
    content: { type: 'text', text: `saw ${params.messages.length} message(s)` },
  }),
};

function text(result: { content: Array<{ type: string }> }): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

/** What a binding may lack: server-to-client streams for progress, subscriptions or log messages. */
export type DualEraFeature = 'progress' | 'subscriptions' | 'logging';

/** Options of `describeDualEraSuite`, for bindings that speak less than Streamable HTTP and stdio. */
export interface DualEraSuiteOptions {
  /** The eras the binding speaks. @default ['modern', 'legacy'] */
  eras?: ReadonlyArray<'modern' | 'legacy'>;
  /** Features the binding has no way to carry: their tests are skipped (the binding's own tests check that they are refused). @default [] */
  without?: readonly DualEraFeature[];
}

/**
 * The feature set in both eras against the official dual-era server (dual-era-server/),
 * over whichever transport `makeTransport` builds: input rounds, listen streams, cache
 * hints and per-request log levels when modern, the classic flows when legacy.
 */
export function describeDualEraSuite(transportName: string, makeTransport: TransportFactory, suite: DualEraSuiteOptions = {}): void {
  const lacks = (feature: DualEraFeature): boolean => suite.without?.includes(feature) === true;
  describe.each(suite.eras ?? (['modern', 'legacy'] as const))(`the official dual-era server over ${transportName}, %s era`, (era) => {
    const clients: McpClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    async function connect(options: McpClientOptions = {}): Promise<McpClient> {
      const client = new McpClient({
        server: 'dual-era',
        eraCache: false,
        ...handlers,
        ...(era === 'legacy' ? { era: 'legacy' } : {}),
        ...options,
      });
      clients.push(client);
      await client.connect(await makeTransport());
      return client;
    }

    it(`settles on the ${era} era`, async () => {
      const client = await connect();
      expect(client.session).toMatchObject({ era, serverInfo: { name: 'mcpx-dual-era-test-server' } });
      expect(client.protocolVersion).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
      await client.ping();
    });

    it('lists and calls tools, with structured content', async () => {
      const client = await connect();
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['echo', 'add', 'ask-name', 'sample']));
      expect(text(await client.callTool('echo', { message: 'hi' }))).toBe('Echo: hi');
      expect((await client.callTool('add', { a: 2, b: 3 })).structuredContent).toEqual({ sum: 5 });
    });

    it('answers elicitation through the same handler (input rounds when modern)', async () => {
      const client = await connect();
      expect(text(await client.callTool('ask-name', {}))).toBe('Hello, Ada!');
    });

    it('answers sampling through the same handler', async () => {
      const client = await connect();
      expect(text(await client.callTool('sample', { prompt: 'hi', maxTokens: 7 }))).toContain('saw 1 message(s)');
    });

    it.skipIf(lacks('progress'))('reports progress', async () => {
      const client = await connect();
      const seen: number[] = [];
      await client.callTool('slow', { ms: 60, steps: 3 }, { onprogress: (p) => seen.push(p.progress) });
      expect(seen).toEqual([1, 2, 3]);
    });

    it.skipIf(lacks('subscriptions'))('delivers resource updates and list changes after subscribing', async () => {
      const client = await connect();
      const methods: string[] = [];
      client.on('notification', (event) => methods.push(event.method));
      await client.subscribe({ toolsListChanged: true, resourceSubscriptions: ['test://counter'] });
      await client.callTool('touch-resource', {});
      for (let i = 0; i < 100 && !methods.includes('notifications/resources/updated'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(methods).toEqual(expect.arrayContaining(['notifications/resources/updated', 'notifications/tools/list_changed']));
    });

    it.skipIf(lacks('logging'))('receives log messages at the level asked for', async () => {
      const client = await connect();
      const levels: string[] = [];
      client.on('notification', (event) => {
        if (event.method === 'notifications/message') levels.push(String(event.params.level));
      });
      await client.setLoggingLevel('warning');
      await client.callTool('log', { message: 'm' });
      for (let i = 0; i < 50 && levels.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(levels).toEqual(['warning', 'error']);
    });

    it('reads resources and gets prompts', async () => {
      const client = await connect();
      const read = await client.readResource('test://items/alpha');
      expect(read.contents[0]).toMatchObject({ text: 'item alpha' });
      const prompt = await client.getPrompt('greet', { name: 'Grace' });
      expect(JSON.stringify(prompt.messages)).toContain('Grace');
    });
  });

  describe(`cache hints from the dual-era server over ${transportName}`, () => {
    it.skipIf(lacks('subscriptions'))('serve tools/list from the cache while ttlMs lasts, until tools change', async () => {
      const client = new McpClient({ eraCache: false });
      await client.connect(await makeTransport());
      try {
        const sent: string[] = [];
        client.on('request', (event) => sent.push(event.method));
        await client.listTools();
        await client.listTools();
        expect(sent.filter((m) => m === 'tools/list')).toHaveLength(1);
        await client.subscribe({ toolsListChanged: true });
        await client.callTool('touch-resource', {});
        for (let i = 0; i < 100 && sent.filter((m) => m === 'tools/list').length < 2; i++) {
          await new Promise((r) => setTimeout(r, 20));
          await client.listTools();
        }
        expect(sent.filter((m) => m === 'tools/list')).toHaveLength(2);
      } finally {
        await client.close();
      }
    });
  });
}
