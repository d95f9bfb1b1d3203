import { McpClient, UrlElicitationRequiredError, type McpClientOptions, type Transport } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from './until.js';

/** Makes a fresh transport to a running server-everything. */
export type TransportFactory = () => Transport | Promise<Transport>;

const handlers: McpClientOptions = {
  sampling: (params) => ({
    role: 'assistant',
    model: 'test-model',
    content: { type: 'text', text: `sampled ${params.messages.length} message(s) with maxTokens ${params.maxTokens}` },
  }),
  elicitation: () => ({ action: 'accept', content: { name: 'Ada Lovelace', check: true } }),
  roots: () => [{ uri: 'file:///tmp/mcpx-root', name: 'scratch' }],
};

function text(result: { content: Array<{ type: string }> }): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

/**
 * The transport feature suite: every client feature against server-everything, over
 * whichever transport `makeTransport` builds. Each transport package runs it once.
 */
export function describeFeatureSuite(transportName: string, makeTransport: TransportFactory): void {
  describe(`feature suite over ${transportName} against server-everything`, () => {
    const clients: McpClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    async function connect(options: McpClientOptions = handlers): Promise<McpClient> {
      const client = new McpClient({ server: 'everything', ...options });
      clients.push(client);
      await client.connect(await makeTransport());
      return client;
    }

    it('performs the handshake and learns the server', async () => {
      const client = await connect();
      expect(client.serverInfo?.name).toBeTruthy();
      expect(client.protocolVersion).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(client.serverCapabilities).toMatchObject({ tools: {}, resources: {}, prompts: {} });
      await client.ping();
    });

    it('lists tools, including those registered for our capabilities, and calls echo and get-sum', async () => {
      const client = await connect();
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'trigger-sampling-request', 'trigger-elicitation-request']));
      expect(text(await client.callTool('echo', { message: 'hello' }))).toContain('hello');
      expect(text(await client.callTool('get-sum', { a: 2, b: 40 }))).toContain('42');
    });

    it('validates structured content against the output schema', async () => {
      const client = await connect();
      await client.listTools();
      const result = await client.callTool('get-structured-content', { location: 'Chicago' });
      expect(result.structuredContent).toMatchObject({ temperature: expect.any(Number), conditions: expect.any(String) });
    });

    it('reports tool errors as results, not exceptions', async () => {
      const client = await connect();
      const result = await client.callTool('get-sum', { a: 'not a number' });
      expect(result.isError).toBe(true);
    });

    it('reports progress of a long-running tool', async () => {
      const client = await connect();
      const progress: number[] = [];
      const result = await client.callTool(
        'trigger-long-running-operation',
        { duration: 0.3, steps: 3 },
        { onprogress: (p) => progress.push(p.progress) },
      );
      expect(text(result)).toContain('completed');
      expect(progress).toEqual([1, 2, 3]);
    });

    it('drives our sampling handler', async () => {
      const client = await connect();
      const result = await client.callTool('trigger-sampling-request', { prompt: 'hi', maxTokens: 7 });
      expect(text(result)).toContain('maxTokens 7');
    });

    it('drives our elicitation handler, with schema defaults filled in', async () => {
      const client = await connect();
      const result = await client.callTool('trigger-elicitation-request', {});
      const output = text(result);
      expect(output).toContain('Ada Lovelace');
      expect(output).toContain('It was a dark and stormy night.');
    });

    it('declares URL elicitation only with a URL handler, which is what makes the server offer trigger-url-elicitation', async () => {
      const formOnly = await connect();
      expect((await formOnly.listTools()).tools.map((t) => t.name)).not.toContain('trigger-url-elicitation');
      const withUrl = await connect({ ...handlers, urlElicitation: () => ({ action: 'accept' }) });
      expect((await withUrl.listTools()).tools.map((t) => t.name)).toContain('trigger-url-elicitation');
    });

    it('drives our URL elicitation handler for an elicitation/create in URL mode', async () => {
      const seen: Array<{ url: string; elicitationId?: string; retry: boolean }> = [];
      const client = await connect({
        ...handlers,
        urlElicitation: (elicitation, context) => (
          seen.push({
            url: elicitation.url,
            ...(elicitation.elicitationId === undefined ? {} : { elicitationId: elicitation.elicitationId }),
            retry: context.retry,
          }),
          { action: 'accept' }
        ),
      });
      const result = await client.callTool('trigger-url-elicitation', { url: 'https://example.com/connect', elicitationId: 'mcpx-1' });
      expect(text(result)).toContain('User completed the URL elicitation flow');
      expect(seen).toEqual([{ url: 'https://example.com/connect', elicitationId: 'mcpx-1', retry: false }]);
    });

    it('retries a tool call that failed with -32042 once our URL handler accepted the elicitation it named', async () => {
      const seen: Array<{ url: string; retry: boolean }> = [];
      const client = await connect({
        ...handlers,
        urlElicitation: (elicitation, context) => (seen.push({ url: elicitation.url, retry: context.retry }), { action: 'accept' }),
      });
      const result = await client.callTool('trigger-url-elicitation', { url: 'https://example.com/after', errorPath: true });
      expect(text(result)).toContain('User completed the URL elicitation flow');
      // The prerequisite of the -32042 error first, then the retried call's own elicitation/create.
      expect(seen).toEqual([
        { url: 'https://modelcontextprotocol.io', retry: true },
        { url: 'https://example.com/after', retry: false },
      ]);
    });

    it('rejects with UrlElicitationRequiredError, carrying the URL, when there is no URL handler', async () => {
      const client = await connect({ ...handlers, capabilities: { elicitation: { form: {}, url: {} } } });
      const error = await client
        .callTool('trigger-url-elicitation', { url: 'https://example.com/none', errorPath: true })
        .catch((caught: unknown) => caught);
      expect(UrlElicitationRequiredError.isInstance(error)).toBe(true);
      expect((error as UrlElicitationRequiredError).elicitations).toEqual([
        expect.objectContaining({ url: expect.stringContaining('https://modelcontextprotocol.io') }),
      ]);
    });

    it('answers roots/list for the server', async () => {
      const client = await connect();
      // The server asks for roots 350 ms after the handshake; poll its view until it has them.
      let listed = '';
      for (let attempt = 0; attempt < 50 && !listed.includes('mcpx-root'); attempt++) {
        listed = text(await client.callTool('get-roots-list', {}));
        if (!listed.includes('mcpx-root')) await new Promise((r) => setTimeout(r, 100));
      }
      expect(listed).toContain('file:///tmp/mcpx-root');
    });

    it('lists and reads resources and templates', async () => {
      const client = await connect();
      const { resources } = await client.listResources();
      expect(resources.length).toBeGreaterThan(0);
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(
        expect.arrayContaining([expect.stringContaining('demo://resource/dynamic/text/')]),
      );
      const read = await client.readResource('demo://resource/dynamic/text/1');
      expect(read.contents[0]).toMatchObject({ uri: 'demo://resource/dynamic/text/1' });
    });

    it('delivers resource updates after subscribing', async () => {
      const client = await connect();
      const updated: string[] = [];
      client.on('notification', (event) => {
        if (event.method === 'notifications/resources/updated') updated.push(String(event.params.uri));
      });
      const uri = 'demo://resource/dynamic/text/1';
      await client.subscribeResource(uri);
      await client.callTool('toggle-subscriber-updates', {});
      await until(() => (updated.length > 0 ? true : undefined), 'a resource update');
      expect(updated[0]).toBe(uri);
      await client.callTool('toggle-subscriber-updates', {});
      await client.unsubscribeResource(uri);
    });

    it('lists prompts and gets one with arguments', async () => {
      const client = await connect();
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['simple-prompt', 'args-prompt']));
      const prompt = await client.getPrompt('args-prompt', { city: 'Lisbon' });
      expect(JSON.stringify(prompt.messages)).toContain('Lisbon');
    });

    it('completes a prompt argument', async () => {
      const client = await connect();
      const result = await client.complete({
        ref: { type: 'ref/prompt', name: 'completable-prompt' },
        argument: { name: 'department', value: 'Eng' },
      });
      expect(result.completion.values).toContain('Engineering');
    });

    it('sets the logging level and receives log messages', async () => {
      const client = await connect();
      const levels: string[] = [];
      client.on('notification', (event) => {
        if (event.method === 'notifications/message') levels.push(String(event.params.level));
      });
      await client.setLoggingLevel('debug');
      await client.callTool('toggle-simulated-logging', {});
      await until(() => (levels.length > 0 ? true : undefined), 'a log message');
      await client.callTool('toggle-simulated-logging', {});
      expect(levels.length).toBeGreaterThan(0);
    });

    it('cancels a call through its AbortSignal and keeps working', async () => {
      const client = await connect();
      const controller = new AbortController();
      const call = client.callTool('trigger-long-running-operation', { duration: 5, steps: 5 }, { signal: controller.signal });
      setTimeout(() => controller.abort('test cancels'), 50);
      await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(text(await client.callTool('echo', { message: 'still here' }))).toContain('still here');
    });

    it('times out a slow call and keeps working', async () => {
      const client = await connect();
      await expect(client.callTool('trigger-long-running-operation', { duration: 5, steps: 1 }, { timeoutMs: 100 })).rejects.toMatchObject({
        code: 'REQUEST_TIMEOUT',
      });
      await client.ping();
    });

    it('records metrics for what it did', async () => {
      const client = await connect();
      await client.ping();
      await client.callTool('echo', { message: 'm' });
      const snapshot = client.metrics();
      expect(snapshot.methods['tools/call']?.succeeded).toBe(1);
      expect(snapshot.requestsTotal).toBeGreaterThanOrEqual(3);
    });
  });
}
