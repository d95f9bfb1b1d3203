import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { McpClientOptions } from '../client/options.js';
import { FakeServer } from '../testing/fake-server.js';
import type { ClientExtension, ExtensionHost } from './extension.js';

const CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
const ID = 'com.example/deferred';

/**
 * A small extension of the shape the tasks extension has: a method of its own, and a result
 * type whose handler asks again with that method until the work is done.
 */
const deferred: ClientExtension<{ status(token: string): Promise<Record<string, unknown>>; host: ExtensionHost }> = {
  id: ID,
  settings: { version: 2 },
  methods: ['deferred/get'],
  resultTypes: {
    deferred: async (result, { host, signal }) => {
      let current = result;
      while (current.resultType === 'deferred') current = await host.request('deferred/get', { token: current.token }, { signal });
      return current;
    },
  },
  create: (host) => ({ status: (token) => host.request('deferred/get', { token }), host }),
};

const SERVER_CAPABILITIES = { tools: {}, extensions: { [ID]: { pollIntervalMs: 10 } } };

async function connect(server: FakeServer, options: McpClientOptions = {}): Promise<McpClient> {
  const client = new McpClient({ eraCache: false, extensions: [deferred], ...options });
  await client.connect(server.clientTransport);
  return client;
}

/** A server that answers `tools/call` with a deferred result, done after `polls` more requests. */
function deferringServer(polls: number, capabilities: Record<string, unknown> = SERVER_CAPABILITIES): FakeServer {
  const server = new FakeServer({ modernVersions: ['2026-07-28'], capabilities });
  let left = polls;
  server.handle('tools/call', () => ({ resultType: 'deferred', token: 't1' }));
  server.handle('deferred/get', (params) => {
    left -= 1;
    return left > 0
      ? { resultType: 'deferred', token: params.token }
      : { resultType: 'complete', content: [{ type: 'text', text: 'done' }] };
  });
  return server;
}

describe('registering an extension', () => {
  it('declares its settings under extensions in the capabilities of initialize', async () => {
    const server = new FakeServer({ capabilities: SERVER_CAPABILITIES });
    await connect(server);
    expect(server.initializeParams?.capabilities).toEqual({ extensions: { [ID]: { version: 2 } } });
  });

  it('declares its settings in the capabilities of every 2026-07-28 request', async () => {
    const server = deferringServer(1);
    const client = await connect(server);
    await client.extension(deferred).status('t1');
    const meta = server.requests('deferred/get')[0]?._meta as Record<string, unknown>;
    expect(meta[CAPABILITIES_KEY]).toEqual({ extensions: { [ID]: { version: 2 } } });
  });

  it('lets explicit capabilities override the settings an extension declares', async () => {
    const server = new FakeServer({ capabilities: SERVER_CAPABILITIES });
    await connect(server, { capabilities: { extensions: { [ID]: { version: 3 } } } });
    expect(server.initializeParams?.capabilities).toEqual({ extensions: { [ID]: { version: 3 } } });
  });

  it('refuses an identifier without a vendor prefix', () => {
    expect(() => new McpClient({ extensions: [{ ...deferred, id: 'deferred' }] })).toThrow(/not an extension identifier/);
  });

  it('refuses the same extension twice', () => {
    expect(() => new McpClient({ extensions: [deferred, deferred] })).toThrow(/registered twice/);
  });

  it('refuses an extension that claims a result type of the base protocol', () => {
    const claims = { ...deferred, resultTypes: { complete: async (result: Record<string, unknown>) => result } };
    expect(() => new McpClient({ extensions: [claims] })).toThrow(/result type "complete" of the base protocol/);
  });

  it('refuses two extensions that add the same method', () => {
    expect(() => new McpClient({ extensions: [deferred, { ...deferred, id: 'com.example/other', resultTypes: {} }] })).toThrow(
      /both add the method deferred\/get/,
    );
  });
});

describe('using an extension', () => {
  it('exposes the extensions the server declared, with their settings', async () => {
    const client = await connect(deferringServer(1));
    expect(client.serverExtensions).toEqual({ [ID]: { pollIntervalMs: 10 } });
    expect(client.extension(deferred).host.serverSettings()).toEqual({ pollIntervalMs: 10 });
  });

  it('gives no server extensions before connecting', () => {
    expect(new McpClient({ extensions: [deferred] }).serverExtensions).toBeUndefined();
  });

  it('refuses a request its extension makes while the client is being built, as before connecting', async () => {
    let early: Promise<unknown> | undefined;
    const eager: ClientExtension<ExtensionHost> = {
      id: 'com.example/eager',
      create: (host) => {
        early = host.request('eager/get');
        return host;
      },
    };
    new McpClient({ extensions: [eager] });
    await expect(early).rejects.toMatchObject({ name: 'ConnectionClosedError', message: expect.stringMatching(/not connected \(idle\)/) });
  });

  it('refuses the API of an extension that was not registered', () => {
    expect(() => new McpClient().extension(deferred)).toThrow(/not registered with this client/);
  });

  it('refuses a method of the extension when the server did not declare it', async () => {
    const server = deferringServer(1, { tools: {} });
    const client = await connect(server);
    const error = await client
      .extension(deferred)
      .status('t1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: `extensions["${ID}"]` });
    expect(server.requests('deferred/get')).toEqual([]);
  });

  it('hands a result of the type it adds to its handler, which returns the final result', async () => {
    const server = deferringServer(3);
    const client = await connect(server);
    const result = await client.callTool('slow', {});
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(server.requests('deferred/get')).toHaveLength(3);
  });

  it('gives up on a server that keeps answering with the type, instead of nesting handlers without end', async () => {
    // Far more polls than the hop limit: unbounded, the nested handlers would get there and resolve.
    const server = deferringServer(1000);
    const client = await connect(server);
    await expect(client.callTool('slow', {})).rejects.toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringMatching(/still of type "deferred" after 10 nested extension handlers/),
    });
    expect(server.requests('deferred/get')).toHaveLength(10);
  });

  it('lets a handler poll more times than the hop limit when each answer is final', async () => {
    const polling: ClientExtension = {
      id: 'com.example/polling',
      methods: ['polling/get'],
      resultTypes: {
        polling: async (result, { host }) => {
          let status = await host.request('polling/get', { token: result.token });
          while (status.done !== true) status = await host.request('polling/get', { token: result.token });
          return { content: status.content };
        },
      },
      create: () => undefined,
    };
    const server = new FakeServer({
      modernVersions: ['2026-07-28'],
      capabilities: { tools: {}, extensions: { 'com.example/polling': {} } },
    });
    let left = 25;
    server.handle('tools/call', () => ({ resultType: 'polling', token: 't1' }));
    server.handle('polling/get', () => {
      left -= 1;
      return left > 0 ? { done: false } : { done: true, content: [{ type: 'text', text: 'done' }] };
    });
    const client = await connect(server, { extensions: [polling] });
    const result = await client.callTool('slow', {});
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(server.requests('polling/get')).toHaveLength(25);
  });

  it("sends the handler's follow-up requests with the caller's context and trace", async () => {
    const server = deferringServer(1);
    const client = await connect(server, { context: { clientId: 'app' } });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await client.callTool('slow', {}, { context: { userId: 'alice' }, trace: { traceparent } });
    const meta = server.requests('deferred/get')[0]?._meta as Record<string, unknown>;
    expect(meta['mcpx/context']).toEqual({ clientId: 'app', userId: 'alice' });
    expect(meta.traceparent).toBe(traceparent);
  });

  it("lets the handler's own options win over the caller's, a context field by field", async () => {
    const overriding: ClientExtension = {
      ...deferred,
      resultTypes: {
        deferred: (result, { host }) =>
          host.request('deferred/get', { token: result.token }, { context: { sessionId: 's1', userId: 'poller' } }),
      },
    };
    const server = deferringServer(1);
    const client = await connect(server, { extensions: [overriding] });
    await client.callTool('slow', {}, { context: { userId: 'alice', tags: ['t'] } });
    const meta = server.requests('deferred/get')[0]?._meta as Record<string, unknown>;
    expect(meta['mcpx/context']).toEqual({ userId: 'poller', sessionId: 's1', tags: ['t'] });
  });

  it('still refuses a result type no registered extension adds', async () => {
    const client = await connect(deferringServer(1), { extensions: [] });
    await expect(client.callTool('slow', {})).rejects.toThrow(/unknown resultType "deferred"/);
  });

  it('delivers the server notifications the extension listens to', async () => {
    const server = new FakeServer({ capabilities: SERVER_CAPABILITIES });
    const client = await connect(server);
    const received = new Promise<Record<string, unknown>>((resolve) =>
      client.extension(deferred).host.onNotification('notifications/deferred/done', resolve),
    );
    await server.notify('notifications/other', {});
    await server.notify('notifications/deferred/done', { token: 't1' });
    expect(await received).toEqual({ token: 't1' });
  });
});
