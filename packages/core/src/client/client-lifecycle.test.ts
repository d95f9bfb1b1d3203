import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';

describe('the legacy handshake', () => {
  it('probes with server/discover, then offers 2025-11-25 with clientInfo and sends notifications/initialized after the result', async () => {
    const server = new FakeServer({ instructions: 'be nice' });
    const client = new McpClient({ name: 'tester', version: '9.9.9', eraCache: false });
    const session = await client.connect(server.clientTransport);
    expect(server.initializeParams).toMatchObject({
      protocolVersion: '2025-11-25',
      clientInfo: { name: 'tester', version: '9.9.9' },
      capabilities: {},
    });
    const methods = server.received.map((m) => ('method' in m ? m.method : 'response'));
    expect(methods.slice(0, 3)).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    expect(session).toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-11-25',
      serverInfo: { name: 'fake-server' },
      instructions: 'be nice',
    });
    expect(client.state).toBe('connected');
    await client.close();
    expect(client.state).toBe('closed');
  });

  it('sends the package version as clientInfo.version by default', async () => {
    const server = new FakeServer();
    await new McpClient().connect(server.clientTransport);
    expect(server.initializeParams).toMatchObject({ clientInfo: { name: 'mcpx', version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
  });

  it('accepts an older supported revision the server picks', async () => {
    const server = new FakeServer({ protocolVersions: ['2024-11-05'] });
    const client = new McpClient();
    await client.connect(server.clientTransport);
    expect(client.protocolVersion).toBe('2024-11-05');
  });

  it('refuses an unsupported revision with a clear error and closes', async () => {
    const server = new FakeServer({ protocolVersions: ['1999-01-01'] });
    const client = new McpClient({ server: 'old' });
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_PROTOCOL_VERSION', serverVersions: ['1999-01-01'] });
    expect((error as Error).message).toMatch(/server "old".*1999-01-01.*2025-11-25/s);
    expect(client.state).toBe('closed');
    expect(server.notifications('notifications/initialized')).toEqual([]);
  });

  it('rejects an invalid initialize result naming the bad field', async () => {
    const server = new FakeServer();
    server.handle('initialize', () => ({ protocolVersion: '2025-11-25', capabilities: {} }));
    const error = await new McpClient().connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
    expect((error as Error).message).toContain('serverInfo');
  });

  it('derives client capabilities from the registered handlers', async () => {
    const server = new FakeServer();
    const client = new McpClient({
      sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'x' }, model: 'm' }),
      elicitation: () => ({ action: 'decline' }),
      roots: () => [],
      capabilities: { experimental: { thing: {} } },
    });
    await client.connect(server.clientTransport);
    expect(server.initializeParams?.capabilities).toEqual({
      sampling: {},
      elicitation: { form: {} },
      roots: { listChanged: true },
      experimental: { thing: {} },
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    });
  });

  it('keeps the derived sampling and elicitation keys under explicit sampling and elicitation capabilities', async () => {
    const server = new FakeServer();
    const client = new McpClient({
      sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'x' }, model: 'm' }),
      samplingTools: true,
      elicitation: () => ({ action: 'decline' }),
      urlElicitation: () => ({ action: 'decline' }),
      capabilities: { sampling: { context: {} }, elicitation: { form: { applyDefaults: true } } },
    });
    await client.connect(server.clientTransport);
    expect(server.initializeParams?.capabilities).toEqual({
      sampling: { tools: {}, context: {} },
      elicitation: { form: { applyDefaults: true }, url: {} },
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    });
  });

  it('fails calls made before connect or after close with a hint', async () => {
    const client = new McpClient({ server: 'srv' });
    await expect(client.listTools()).rejects.toThrow(/server "srv", method tools\/list: not connected \(idle\): call connect\(\) first/);
    const server = new FakeServer();
    await client.connect(server.clientTransport);
    await client.close();
    await expect(client.ping()).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  });

  it('refuses a second connect while connected', async () => {
    const server = new FakeServer();
    const client = new McpClient();
    await client.connect(server.clientTransport);
    await expect(client.connect(new FakeServer().clientTransport)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('moves to closed with the reason when the server goes away', async () => {
    const server = new FakeServer();
    const client = new McpClient();
    const states: string[] = [];
    client.on('state', (e) => states.push(`${e.from}->${e.to}${e.reason ? `:${e.reason.message}` : ''}`));
    await client.connect(server.clientTransport);
    server.crash(new Error('gone'));
    expect(states).toEqual(['idle->connecting', 'connecting->connected', 'connected->closed:gone']);
  });
});

describe('server capability checks', () => {
  it('fails fast on a method the server did not advertise', async () => {
    const server = new FakeServer({ capabilities: { tools: {} } });
    const client = new McpClient({ server: 'tools-only' });
    await client.connect(server.clientTransport);
    await expect(client.listPrompts()).rejects.toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: 'prompts' });
    await expect(client.subscribeResource('x://y')).rejects.toMatchObject({ capability: 'resources.subscribe' });
    expect(server.requests('prompts/list')).toEqual([]);
  });

  it('lets the call through when strict checks are off', async () => {
    const server = new FakeServer({ capabilities: {} });
    server.handle('prompts/list', () => ({ prompts: [] }));
    const client = new McpClient({ strictCapabilities: false });
    await client.connect(server.clientTransport);
    await expect(client.listPrompts()).resolves.toEqual({ prompts: [] });
  });
});
