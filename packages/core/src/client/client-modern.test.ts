import { describe, expect, it } from 'vitest';
import { EraCache } from '../era/era-cache.js';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';
import type { McpClientOptions } from './options.js';

const META = '_meta';
const VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';
const tick = (ms = 2) => new Promise((r) => setTimeout(r, ms));

async function modern(options: McpClientOptions = {}, versions = ['2026-07-28']) {
  const server = new FakeServer({ modernVersions: versions });
  const client = new McpClient({ eraCache: false, ...options });
  const session = await client.connect(server.clientTransport);
  return { server, client, session };
}

describe('era detection', () => {
  it('settles on the modern era when server/discover answers, without initialize', async () => {
    const { server, session } = await modern({ name: 'tester', version: '1.2.3' });
    expect(session).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
      serverInfo: { name: 'fake-server' },
      supportedVersions: ['2026-07-28'],
    });
    expect(server.requests('initialize')).toEqual([]);
    expect(server.requests('server/discover')[0]?.[META]).toEqual({
      [VERSION_KEY]: '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'tester', version: '1.2.3' },
      'io.modelcontextprotocol/clientCapabilities': {},
    });
  });

  it('falls back to initialize when the probe gets a non-modern error', async () => {
    const server = new FakeServer();
    const session = await new McpClient({ eraCache: false }).connect(server.clientTransport);
    expect(session.era).toBe('legacy');
    expect(server.requests('initialize')).toHaveLength(1);
  });

  it('falls back to initialize when the probe gets no answer in time', async () => {
    const server = new FakeServer();
    server.handle('server/discover', () => new Promise(() => undefined));
    const session = await new McpClient({ eraCache: false, probeTimeoutMs: 30 }).connect(server.clientTransport);
    expect(session.era).toBe('legacy');
  });

  it('answers UnsupportedProtocolVersionError with a mutually supported revision, never falling back', async () => {
    const server = new FakeServer();
    server.handle('server/discover', () => {
      throw FakeServer.error(-32022, 'Unsupported protocol version', { supported: ['2099-01-01'], requested: '2026-07-28' });
    });
    const error = await new McpClient({ eraCache: false, server: 'future' }).connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_PROTOCOL_VERSION', serverVersions: ['2099-01-01'] });
    expect((error as Error).message).toContain('2026-07-28');
    expect(server.requests('initialize')).toEqual([]);
  });

  it('uses initialize with a legacy revision a modern error names as the mutual one', async () => {
    const server = new FakeServer();
    server.handle('server/discover', () => {
      throw FakeServer.error(-32022, 'Unsupported protocol version', { supported: ['2025-06-18'], requested: '2026-07-28' });
    });
    const session = await new McpClient({ eraCache: false }).connect(server.clientTransport);
    expect(session).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18' });
  });

  it('remembers a legacy server and skips the probe next time', async () => {
    const cache = new EraCache();
    const first = new FakeServer();
    Object.defineProperty(first.clientTransport, 'description', { value: 'same-server' });
    await new McpClient({ eraCache: cache }).connect(first.clientTransport);
    const second = new FakeServer();
    Object.defineProperty(second.clientTransport, 'description', { value: 'same-server' });
    await new McpClient({ eraCache: cache }).connect(second.clientTransport);
    expect(first.requests('server/discover')).toHaveLength(1);
    expect(second.requests('server/discover')).toHaveLength(0);
  });

  it('honours a pinned legacy era or revision', async () => {
    const server = new FakeServer({ modernVersions: ['2026-07-28'] });
    const session = await new McpClient({ era: 'legacy', eraCache: false }).connect(server.clientTransport);
    expect(session.era).toBe('legacy');
    expect(server.requests('server/discover')).toEqual([]);
  });
});

describe('modern requests', () => {
  it('carry the envelope, the log level and the trace context in _meta', async () => {
    const { server, client } = await modern();
    server.handle('tools/call', () => ({ resultType: 'complete', content: [{ type: 'text', text: 'ok' }] }));
    await client.setLoggingLevel('debug');
    await client.callTool('echo', { a: 1 }, { trace: { traceparent: '00-abc-def-01', baggage: 'k=v' } });
    const params = server.requests('tools/call')[0];
    expect(params).toMatchObject({ name: 'echo', arguments: { a: 1 } });
    expect(params?.[META]).toMatchObject({
      [VERSION_KEY]: '2026-07-28',
      'io.modelcontextprotocol/logLevel': 'debug',
      traceparent: '00-abc-def-01',
      baggage: 'k=v',
    });
    expect(server.requests('logging/setLevel')).toEqual([]);
  });

  it('take a result without resultType as complete, as the 2026-07-28 schema says', async () => {
    const { server, client } = await modern();
    server.handle('tools/call', () => ({ content: [] }));
    await expect(client.callTool('x')).resolves.toMatchObject({ content: [] });
  });

  it('reject an unknown resultType', async () => {
    const { server, client } = await modern();
    server.handle('tools/call', () => ({ resultType: 'later', content: [] }));
    await expect(client.callTool('x')).rejects.toThrow(/unknown resultType "later"/);
  });

  it('ping with server/discover, as 2026-07-28 has no ping', async () => {
    const { server, client } = await modern();
    await client.ping();
    expect(server.requests('ping')).toEqual([]);
    expect(server.requests('server/discover')).toHaveLength(2);
  });

  it('map HeaderMismatch and MissingRequiredClientCapability to typed errors', async () => {
    const { server, client } = await modern();
    server.handle('tools/call', (params) => {
      throw FakeServer.error(params.name === 'a' ? -32020 : -32021, 'nope');
    });
    await expect(client.callTool('a')).rejects.toMatchObject({ name: 'HeaderMismatchError', code: -32020 });
    await expect(client.callTool('b')).rejects.toMatchObject({ name: 'MissingRequiredClientCapabilityError', code: -32021 });
  });
});

describe('header mismatches', () => {
  it('refresh the tool list and retry a tools/call once', async () => {
    const { server, client } = await modern();
    let calls = 0;
    server.handle('tools/list', () => ({ resultType: 'complete', tools: [{ name: 't', inputSchema: { type: 'object' } }], ttlMs: 60_000 }));
    server.handle('tools/call', () => {
      if (++calls === 1) throw FakeServer.error(-32020, 'header mismatch');
      return { resultType: 'complete', content: [{ type: 'text', text: 'second time' }] };
    });
    await client.listTools();
    await expect(client.callTool('t')).resolves.toMatchObject({ content: [{ text: 'second time' }] });
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it("check the retried call's result against the outputSchema of the refreshed list", async () => {
    const { server, client } = await modern();
    const sum = { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] };
    let lists = 0;
    server.handle('tools/list', () => ({
      resultType: 'complete',
      tools: [{ name: 'add', inputSchema: { type: 'object' }, ...(++lists > 1 ? { outputSchema: sum } : {}) }],
    }));
    let calls = 0;
    server.handle('tools/call', () => {
      if (++calls === 1) throw FakeServer.error(-32020, 'header mismatch');
      return { resultType: 'complete', content: [], structuredContent: { sum: 'three' } };
    });
    await client.listTools();
    await expect(client.callTool('add')).rejects.toThrow(/tool "add" returned structuredContent that does not match its outputSchema/);
    expect(server.requests('tools/call')).toHaveLength(2);
  });

  it('give up after the one retry', async () => {
    const { server, client } = await modern();
    server.handle('tools/list', () => ({ resultType: 'complete', tools: [] }));
    server.handle('tools/call', () => {
      throw FakeServer.error(-32020, 'header mismatch');
    });
    await expect(client.callTool('t')).rejects.toMatchObject({ name: 'HeaderMismatchError' });
    expect(server.requests('tools/call')).toHaveLength(2);
  });
});

describe('multi round-trip requests', () => {
  it('answer input requests with the handlers and retry with inputResponses and requestState under a new id', async () => {
    const { server, client } = await modern({
      elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }),
      sampling: () => ({ role: 'assistant', model: 'm', content: { type: 'text', text: 'Paris' } }),
    });
    server.handle('tools/call', (params) => {
      if (params.inputResponses === undefined) {
        return {
          resultType: 'input_required',
          requestState: 'opaque-1',
          inputRequests: {
            who: {
              method: 'elicitation/create',
              params: {
                message: 'name?',
                requestedSchema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number', default: 7 } } },
              },
            },
            capital: {
              method: 'sampling/createMessage',
              params: { messages: [{ role: 'user', content: { type: 'text', text: 'capital?' } }], maxTokens: 5 },
            },
          },
        };
      }
      return {
        resultType: 'complete',
        content: [{ type: 'text', text: JSON.stringify(params.inputResponses) }],
        structuredContent: { state: params.requestState },
      };
    });
    const result = await client.callTool('ask');
    expect(result.structuredContent).toEqual({ state: 'opaque-1' });
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual({
      who: { action: 'accept', content: { name: 'Ada', age: 7 } },
      capital: { role: 'assistant', model: 'm', content: { type: 'text', text: 'Paris' } },
    });
    const ids = server.received
      .filter((m) => 'method' in m && m.method === 'tools/call' && 'id' in m)
      .map((m) => ('id' in m ? m.id : undefined));
    expect(new Set(ids).size).toBe(2);
  });

  it('give up after maxInputRounds', async () => {
    const { server, client } = await modern({ maxInputRounds: 3 });
    server.handle('tools/call', () => ({ resultType: 'input_required', requestState: 'again' }));
    await expect(client.callTool('loop')).rejects.toThrow(/after 3 rounds/);
    expect(server.requests('tools/call')).toHaveLength(4);
  });

  it('refuse an input request the client has no handler for', async () => {
    const { server, client } = await modern();
    server.handle('tools/call', () => ({ resultType: 'input_required', inputRequests: { r: { method: 'roots/list' } } }));
    await expect(client.callTool('x')).rejects.toThrow(/no roots handler/);
  });
});

describe('cache hints', () => {
  it('serve a list from the cache while its ttlMs lasts, and evict it on list_changed', async () => {
    const { server, client } = await modern();
    server.handle('tools/list', () => ({
      resultType: 'complete',
      tools: [{ name: 't', inputSchema: { type: 'object' } }],
      ttlMs: 60_000,
      cacheScope: 'public',
    }));
    await client.listTools();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(1);
    await server.notify('notifications/tools/list_changed');
    await tick();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it('never serve one user a private result cached for another', async () => {
    const { server, client } = await modern();
    server.handle('tools/list', (params) => {
      const meta = params[META] as Record<string, { userId?: string }>;
      const user = meta['mcpx/context']?.userId ?? 'nobody';
      return {
        resultType: 'complete',
        tools: [{ name: `for-${user}`, inputSchema: { type: 'object' } }],
        ttlMs: 60_000,
        cacheScope: 'private',
      };
    });
    await client.listTools({ context: { userId: 'alice' } });
    const bob = await client.listTools({ context: { userId: 'bob' } });
    expect(server.requests('tools/list')).toHaveLength(2);
    expect(bob.tools.map((tool) => tool.name)).toEqual(['for-bob']);
  });

  it('serve the same request context from the cache, the client context merged with the call context', async () => {
    const { server, client } = await modern({ context: { clientId: 'app' } });
    server.handle('tools/list', () => ({ resultType: 'complete', tools: [], ttlMs: 60_000, cacheScope: 'private' }));
    await client.listTools({ context: { userId: 'alice' } });
    await client.listTools({ context: { userId: 'alice' } });
    expect(server.requests('tools/list')).toHaveLength(1);
  });

  it('report the smallest ttlMs of the pages of a list', async () => {
    const { server, client } = await modern({ cache: false });
    server.handle('prompts/list', (params) =>
      params.cursor === undefined
        ? { resultType: 'complete', prompts: [{ name: 'a' }], nextCursor: 'p2', ttlMs: 5000 }
        : { resultType: 'complete', prompts: [{ name: 'b' }], ttlMs: 2000 },
    );
    await expect(client.listPrompts()).resolves.toEqual({ prompts: [{ name: 'a' }, { name: 'b' }], ttlMs: 2000 });
  });

  it('never cache a result reached through input rounds', async () => {
    const { server, client } = await modern({ elicitation: () => ({ action: 'decline' }) });
    server.handle('resources/read', (params) =>
      params.requestState === undefined
        ? {
            resultType: 'input_required',
            requestState: 's',
            inputRequests: {
              e: { method: 'elicitation/create', params: { message: 'ok?', requestedSchema: { type: 'object', properties: {} } } },
            },
          }
        : { resultType: 'complete', contents: [{ uri: 'x://a', text: 'secret' }], ttlMs: 60_000 },
    );
    await client.readResource('x://a');
    await client.readResource('x://a');
    expect(server.requests('resources/read')).toHaveLength(4);
  });
});

describe('subscriptions/listen', () => {
  function listening(server: FakeServer) {
    server.handle('subscriptions/listen', (params, context) => {
      // It fails only once the connection is closed, when the stream it acknowledges is gone too.
      void server.notify('notifications/subscriptions/acknowledged', {
        _meta: { 'io.modelcontextprotocol/subscriptionId': context.requestId },
        notifications: params.notifications,
      });
      return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
    });
  }

  it('open one stream with the union of subscriptions, resolving on acknowledgement', async () => {
    const { server, client } = await modern();
    listening(server);
    await client.subscribe({ toolsListChanged: true });
    await client.subscribeResource('file:///a');
    const filters = server.requests('subscriptions/listen').map((p) => p.notifications);
    expect(filters).toEqual([{ toolsListChanged: true }, { toolsListChanged: true, resourceSubscriptions: ['file:///a'] }]);
    await tick();
    expect(server.notifications('notifications/cancelled')).toHaveLength(1);
  });

  it('deliver the current stream notifications and drop those of an old one', async () => {
    const { server, client } = await modern();
    listening(server);
    const seen: string[] = [];
    client.on('notification', (e) => {
      if (e.method === 'notifications/resources/updated') seen.push(String(e.params.uri));
    });
    await client.subscribeResource('file:///a');
    const [first] = server.received
      .filter((m) => 'method' in m && m.method === 'subscriptions/listen')
      .map((m) => ('id' in m ? m.id : undefined));
    await client.subscribeResource('file:///b');
    await server.notify('notifications/resources/updated', {
      uri: 'file:///old',
      _meta: { 'io.modelcontextprotocol/subscriptionId': first },
    });
    const current = server.received
      .filter((m) => 'method' in m && m.method === 'subscriptions/listen')
      .map((m) => ('id' in m ? m.id : undefined))[1];
    await server.notify('notifications/resources/updated', {
      uri: 'file:///b',
      _meta: { 'io.modelcontextprotocol/subscriptionId': current },
    });
    await tick();
    expect(seen).toEqual(['file:///b']);
  });
});

describe('modern result shapes', () => {
  it('accept what 2026-07-28 loosened: any JSON Schema for tools, any JSON value as structuredContent', async () => {
    const { server, client } = await modern();
    server.handle('tools/list', () => ({
      resultType: 'complete',
      tools: [{ name: 'n', inputSchema: { type: 'object' }, outputSchema: { type: 'array', items: { type: 'number' } } }],
    }));
    server.handle('tools/call', () => ({ resultType: 'complete', content: [], structuredContent: [1, 2, 3] }));
    await client.listTools();
    await expect(client.callTool('n')).resolves.toMatchObject({ structuredContent: [1, 2, 3] });
  });
});

describe('an input_required round', () => {
  it('give the handler the input key as inputKey and requestId', async () => {
    const seen: Array<{ requestId: unknown; inputKey: unknown }> = [];
    const { server, client } = await modern({
      elicitation: (_params, context) => {
        seen.push({ requestId: context.requestId, inputKey: context.inputKey });
        return { action: 'decline' };
      },
    });
    server.handle('tools/call', (params) =>
      params.requestState === undefined
        ? {
            resultType: 'input_required',
            requestState: 's',
            inputRequests: {
              confirm: { method: 'elicitation/create', params: { message: 'ok?', requestedSchema: { type: 'object', properties: {} } } },
            },
          }
        : { resultType: 'complete', content: [] },
    );
    await client.callTool('careful', {});
    expect(seen).toEqual([{ requestId: 'confirm', inputKey: 'confirm' }]);
  });
});
