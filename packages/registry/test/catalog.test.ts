import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { describe, expect, it } from 'vitest';
import { NotInCatalogError, separatorNaming, ServerUnavailableError } from '../src/index.js';
import { fakeServer, serveTools, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();

describe('the tool catalog', () => {
  it('lists the tools of every server that is up under qualified names, with their server and original name', async () => {
    const { registry } = open();
    registry.register({
      name: 'github',
      connect: fakeServer('github', (s) => serveTools(s, 'github', ['create_issue', 'search'])).connect,
    });
    registry.register({ name: 'fs', connect: fakeServer('fs', (s) => serveTools(s, 'fs', ['read'])).connect });
    registry.register({ name: 'off', connect: fakeServer('off').connect, enabled: false });
    await registry.connectAll();
    const { tools, collisions, failures } = await registry.listTools();
    expect(tools.map(({ name, server, originalName }) => ({ name, server, originalName }))).toEqual([
      { name: 'github__create_issue', server: 'github', originalName: 'create_issue' },
      { name: 'github__search', server: 'github', originalName: 'search' },
      { name: 'fs__read', server: 'fs', originalName: 'read' },
    ]);
    expect(tools[0]?.tool).toMatchObject({ name: 'create_issue', description: 'create_issue of github' });
    expect(collisions).toEqual([]);
    expect(failures).toEqual([]);
    expect(text(await registry.callTool('github__search', { message: 'q' }))).toBe('github:search:q');
  });

  it('uses the server toolPrefix, an empty prefix, or a naming policy of your own', async () => {
    const { registry } = open({ naming: separatorNaming('.') });
    registry.register({ name: 'filesystem', toolPrefix: 'fs', connect: fakeServer('filesystem').connect });
    registry.register({ name: 'main', toolPrefix: '', connect: fakeServer('main', (s) => serveTools(s, 'main', ['ask'])).connect });
    await registry.connectAll();
    expect((await registry.listTools()).tools.map((tool) => tool.name)).toEqual(['fs.echo', 'ask']);
    expect(text(await registry.callTool('ask', { message: 'x' }))).toBe('main:ask:x');
  });

  it('reports tools that end up with the same name, keeping the first server registered', async () => {
    const { registry } = open();
    registry.register({ name: 'one', toolPrefix: 'shared', connect: fakeServer('one').connect });
    registry.register({ name: 'two', toolPrefix: 'shared', connect: fakeServer('two').connect });
    await registry.connectAll();
    const { tools, collisions } = await registry.listTools();
    expect(tools.map((tool) => [tool.name, tool.server])).toEqual([['shared__echo', 'one']]);
    expect(collisions).toEqual([{ name: 'shared__echo', servers: ['one', 'two'] }]);
    expect(text(await registry.callTool('shared__echo'))).toBe('one:echo:');
  });

  it('serves the lists from its cache until the TTL passes, honouring the ttlMs a server gives', async () => {
    const { registry, clock } = open({ catalogTtlMs: 10_000 });
    const plain = fakeServer('plain');
    const hinted = fakeServer('hinted', (s) => {
      s.handle('tools/list', () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }], ttlMs: 1000 }));
    });
    registry.register({ name: 'plain', connect: plain.connect, health: false });
    registry.register({ name: 'hinted', connect: hinted.connect, health: false });
    await registry.connectAll();
    await registry.listTools();
    await registry.listTools();
    await clock.advance(1000);
    await registry.listTools();
    expect([plain.latest.requests('tools/list').length, hinted.latest.requests('tools/list').length]).toEqual([1, 2]);
    await clock.advance(9000);
    await registry.listTools();
    expect(plain.latest.requests('tools/list')).toHaveLength(2);
    await registry.listTools({ refresh: true });
    expect(plain.latest.requests('tools/list')).toHaveLength(3);
  });

  it('drops a server list when it says the list changed, and routes calls to a tool that appeared', async () => {
    const { registry, events } = open();
    let tools = ['echo'];
    const changing = fakeServer('changing', (s) => {
      s.handle('tools/list', () => ({ tools: tools.map((name) => ({ name, inputSchema: { type: 'object' } })) }));
    });
    registry.register({ name: 'changing', connect: changing.connect });
    registry.register({ name: 'other', connect: fakeServer('other').connect });
    await registry.connectAll();
    await registry.listTools();
    tools = ['echo', 'fresh'];
    const evicted = events.next('catalog');
    await changing.latest.notify('notifications/tools/list_changed');
    expect(await evicted).toEqual({ server: 'changing', kind: 'tools', reason: 'list_changed' });
    expect((await registry.listTools()).tools.map((tool) => tool.name)).toEqual(['changing__echo', 'changing__fresh', 'other__echo']);
    expect(changing.latest.requests('tools/list')).toHaveLength(2);
    tools = ['echo', 'fresh', 'newest'];
    await changing.latest.notify('notifications/tools/list_changed');
    await settle();
    expect(text(await registry.callTool('changing__newest', { message: 'found' }))).toBe('changing:newest:found');
  });

  it('subscribes to list changes on a 2026-07-28 server, which sends them only when asked', async () => {
    const { registry, events } = open();
    let tools = ['a'];
    const modern = new FakeServer({ modernVersions: ['2026-07-28'] });
    modern.handle('tools/list', () => ({
      resultType: 'complete',
      tools: tools.map((name) => ({ name, inputSchema: { type: 'object' } })),
    }));
    modern.handle('subscriptions/listen', (params, context) => {
      // It fails only once the connection is closed, when the stream it acknowledges is gone too.
      void modern.notify('notifications/subscriptions/acknowledged', {
        _meta: { 'io.modelcontextprotocol/subscriptionId': context.requestId },
        notifications: params.notifications,
      });
      return new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
    });
    registry.register({
      name: 'modern',
      connect: async (signal) => {
        const client = new McpClient({ eraCache: false, server: 'modern' });
        await client.connect(modern.clientTransport, { signal });
        return client;
      },
    });
    await registry.connectAll();
    await settle();
    expect(modern.requests('subscriptions/listen').map((params) => params.notifications)).toEqual([
      { toolsListChanged: true, resourcesListChanged: true },
    ]);
    expect((await registry.listTools()).tools.map((tool) => tool.name)).toEqual(['modern__a']);
    tools = ['a', 'b'];
    const evicted = events.next('catalog');
    const id = modern.received.find((m) => 'method' in m && m.method === 'subscriptions/listen' && 'id' in m);
    await modern.notify('notifications/tools/list_changed', {
      _meta: { 'io.modelcontextprotocol/subscriptionId': id && 'id' in id ? id.id : undefined },
    });
    await evicted;
    expect((await registry.listTools()).tools.map((tool) => tool.name)).toEqual(['modern__a', 'modern__b']);
  });

  it('routes a first call even when the server says its list changed while the list was being fetched', async () => {
    const { registry } = open();
    // server-everything sends tools/list_changed right after starting, racing the first tools/list.
    const eager = fakeServer('eager', (s) => {
      s.handle('tools/list', async () => {
        await s.notify('notifications/tools/list_changed');
        await settle(1);
        return { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] };
      });
    });
    registry.register({ name: 'eager', connect: eager.connect });
    await registry.connectAll();
    expect(text(await registry.callTool('eager__echo', { message: 'first' }))).toBe('eager:echo:first');
    expect(eager.latest.requests('tools/list')).toHaveLength(1);
    await registry.listTools();
    expect(eager.latest.requests('tools/list')).toHaveLength(2);
  });

  it('lists a server whose tools/list fails under failures, and the other servers as usual', async () => {
    const { registry } = open();
    const broken = fakeServer('broken', (s) => {
      s.handle('tools/list', () => {
        throw FakeServer.error(-32603, 'database down');
      });
    });
    registry.register({ name: 'broken', connect: broken.connect });
    registry.register({ name: 'fine', connect: fakeServer('fine').connect });
    await registry.connectAll();
    const { tools, failures } = await registry.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['fine__echo']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ server: 'broken', error: { code: -32603 } });
  });

  it('skips the lists a server does not offer without asking it', async () => {
    const { registry } = open();
    const toolsOnly = fakeServer('bare');
    registry.register({
      name: 'bare',
      connect: async (signal) => {
        const server = serveTools(new FakeServer({ capabilities: { tools: {} } }), 'bare');
        toolsOnly.instances.push(server);
        const client = new McpClient({ eraCache: false });
        await client.connect(server.clientTransport, { signal });
        return client;
      },
    });
    await registry.connectAll();
    expect(await registry.listPrompts()).toEqual({ prompts: [], collisions: [], failures: [] });
    expect(await registry.listResources()).toEqual({ resources: [], failures: [] });
    expect(toolsOnly.latest.requests('prompts/list')).toEqual([]);
  });
});

describe('routing calls', () => {
  it('refuses an unknown name with NotInCatalogError naming the servers it could not ask', async () => {
    const { registry } = open();
    registry.register({ name: 'up', connect: fakeServer('up').connect });
    registry.register({ name: 'down', connect: () => Promise.reject(new Error('no')), reconnect: false });
    await registry.connectAll();
    const error = await registry.callTool('down__echo').catch((e: unknown) => e);
    expect(NotInCatalogError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'tool', qualifiedName: 'down__echo' });
    expect((error as Error).message).toMatch(/no tool is named "down__echo".*"down" \(failed\)/);
  });

  it('refuses a call to a known tool whose server is reconnecting, naming the server and its state', async () => {
    const { registry, events } = open({ defaults: { reconnect: () => 1000 } });
    const flaky = fakeServer('flaky');
    registry.register({ name: 'flaky', connect: flaky.connect });
    await registry.connectAll();
    await registry.listTools();
    const reconnecting = events.reaches('flaky', 'reconnecting');
    flaky.latest.crash(new Error('gone'));
    await reconnecting;
    const error = await registry.callTool('flaky__echo').catch((e: unknown) => e);
    expect(ServerUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/server "flaky", method tools\/call: .*reconnecting.*last error: gone/);
  });

  it('gets prompts by qualified name, lists resources with their server, and reads a resource from a named server', async () => {
    const { registry } = open();
    const docs = fakeServer('docs', (s) => {
      s.handle('prompts/list', () => ({ prompts: [{ name: 'summarize', arguments: [{ name: 'topic' }] }] }));
      s.handle('prompts/get', (params) => ({
        messages: [{ role: 'user', content: { type: 'text', text: `summarize ${String((params.arguments as { topic: string }).topic)}` } }],
      }));
      s.handle('resources/list', () => ({ resources: [{ uri: 'docs://readme', name: 'readme' }] }));
      s.handle('resources/read', (params) => ({ contents: [{ uri: params.uri, text: 'hello' }] }));
    });
    registry.register({ name: 'docs', connect: docs.connect });
    await registry.connectAll();
    expect((await registry.listPrompts()).prompts.map((prompt) => [prompt.name, prompt.originalName])).toEqual([
      ['docs__summarize', 'summarize'],
    ]);
    const prompt = await registry.getPrompt('docs__summarize', { topic: 'MCP' });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'summarize MCP' });
    expect((await registry.listResources()).resources).toEqual([{ server: 'docs', resource: { uri: 'docs://readme', name: 'readme' } }]);
    expect((await registry.readResource('docs', 'docs://readme')).contents).toEqual([{ uri: 'docs://readme', text: 'hello' }]);
  });
});
