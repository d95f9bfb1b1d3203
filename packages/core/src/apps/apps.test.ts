import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { AppRequestRefusedError } from '../errors/app-request-refused-error.js';
import { CancelledError } from '../errors/cancelled-error.js';
import { ConfigError } from '../errors/config-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { JsonRpcNotification, JsonRpcRequest } from '../jsonrpc/messages.js';
import { FakeServer } from '../testing/fake-server.js';
import { APP_MIME_TYPE } from './app-meta.js';
import { apps } from './apps-extension.js';
import { appOf, visibleToModel } from './tool-app.js';

const APP_URI = 'ui://weather/dashboard.html';
const HTML = '<!DOCTYPE html><html><body>weather</body></html>';
const schema = { type: 'object' };
const TOOLS = [
  { name: 'forecast', inputSchema: schema, _meta: { ui: { resourceUri: APP_URI } } },
  { name: 'refresh', inputSchema: schema, _meta: { ui: { resourceUri: APP_URI, visibility: ['app'] } } },
  { name: 'delete-city', inputSchema: schema, _meta: { ui: { visibility: ['model'] } } },
  { name: 'legacy-chart', inputSchema: schema, _meta: { 'ui/resourceUri': 'ui://weather/chart.html' } },
  { name: 'plain', inputSchema: schema },
  { name: 'nobody', inputSchema: schema, _meta: { ui: { visibility: [] } } },
];

/** A server with app tools over `era`, serving `APP_URI` with `contentMeta` on its content item and `listedMeta` on its listing entry. */
function appServer(options: { contentMeta?: unknown; listedMeta?: unknown; modern?: boolean } = {}) {
  const capabilities = { tools: {}, resources: {} };
  const server = new FakeServer(options.modern === true ? { modernVersions: ['2026-07-28'], capabilities } : { capabilities });
  const complete = options.modern === true ? { resultType: 'complete' } : {};
  const meta = (ui: unknown) => (ui === undefined ? {} : { _meta: { ui } });
  server.handle('tools/list', () => ({ ...complete, tools: TOOLS }));
  server.handle('tools/call', (params) => ({ ...complete, content: [{ type: 'text', text: `called ${String(params.name)}` }] }));
  server.handle('resources/list', () => ({
    ...complete,
    resources: [{ uri: APP_URI, name: 'dashboard', mimeType: APP_MIME_TYPE, ...meta(options.listedMeta) }],
  }));
  server.handle('resources/read', (params) => ({
    ...complete,
    contents: [{ uri: String(params.uri), mimeType: APP_MIME_TYPE, text: HTML, ...meta(options.contentMeta) }],
  }));
  return server;
}

async function connect(server: FakeServer, extension = apps()) {
  const client = new McpClient({ eraCache: false, server: 'weather', extensions: [extension] });
  await client.connect(server.clientTransport);
  return { client, api: client.extension(extension) };
}

describe('declaring the apps extension', () => {
  it('declares the HTML app MIME type under extensions in initialize', async () => {
    const server = appServer();
    await connect(server);
    const [initialize] = server.requests('initialize');
    expect((initialize?.capabilities as Record<string, unknown>).extensions).toEqual({
      'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] },
    });
  });

  it('declares the HTML app MIME type first even when the host lists only other types', async () => {
    const server = appServer();
    await connect(server, apps({ mimeTypes: ['application/vnd.example.app', 'text/html; profile="mcp-app"'] }));
    const [initialize] = server.requests('initialize');
    expect((initialize?.capabilities as Record<string, unknown>).extensions).toEqual({
      'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app', 'application/vnd.example.app'] },
    });
  });

  it('declares it in the _meta of every request to a 2026-07-28 server', async () => {
    const server = appServer({ modern: true });
    const { api } = await connect(server);
    await api.tools();
    const [list] = server.requests('tools/list');
    const meta = list?._meta as Record<string, Record<string, unknown>>;
    expect(meta['io.modelcontextprotocol/clientCapabilities']?.extensions).toEqual({
      'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] },
    });
  });
});

describe('finding the apps of tools', () => {
  it('lists the tools that point at a ui:// resource, the deprecated flat key included', async () => {
    const { api } = await connect(appServer());
    const found = await api.tools();
    expect(found.map(({ tool, app }) => [tool.name, app.resourceUri, app.visibility])).toEqual([
      ['forecast', APP_URI, ['model', 'app']],
      ['refresh', APP_URI, ['app']],
      ['legacy-chart', 'ui://weather/chart.html', ['model', 'app']],
    ]);
  });

  it('takes a tool whose resourceUri is not ui:// for a tool without an app', () => {
    expect(appOf({ _meta: { ui: { resourceUri: 'https://example.com/app.html' } } })).toBeUndefined();
  });

  it('keeps app-only tools from the model', () => {
    expect(TOOLS.filter(visibleToModel).map((tool) => tool.name)).toEqual(['forecast', 'delete-city', 'legacy-chart', 'plain']);
  });
});

describe('reading an app', () => {
  it('gives the HTML with the CSP and allow attribute built from the content item metadata', async () => {
    const contentMeta = {
      csp: { connectDomains: ['https://api.weather.example'], resourceDomains: ['https://*.cdn.example'] },
      permissions: { geolocation: {}, clipboardWrite: {} },
      prefersBorder: true,
    };
    const { api } = await connect(appServer({ contentMeta, listedMeta: { prefersBorder: false } }));
    const app = await api.read(TOOLS[0]!);
    expect(app.html).toBe(HTML);
    expect(app.meta).toEqual(contentMeta);
    expect(app.contentSecurityPolicy).toContain('connect-src https://api.weather.example;');
    expect(app.contentSecurityPolicy).toContain('font-src https://*.cdn.example;');
    expect(app.contentSecurityPolicy).toContain("script-src 'self' 'unsafe-inline' https://*.cdn.example");
    expect(app.contentSecurityPolicy).toContain("frame-src 'none'");
    expect(app.allow).toBe('geolocation; clipboard-write');
  });

  it('falls back to the resources/list entry when the content item has no metadata', async () => {
    const { api } = await connect(appServer({ listedMeta: { csp: { frameDomains: ['https://www.youtube.com'] } } }));
    const app = await api.read(APP_URI);
    expect(app.meta).toEqual({ csp: { frameDomains: ['https://www.youtube.com'] } });
    expect(app.contentSecurityPolicy).toContain('frame-src https://www.youtube.com');
  });

  it('applies the restrictive default policy when neither declares metadata', async () => {
    const { api } = await connect(appServer());
    const app = await api.read(APP_URI);
    expect(app.meta).toEqual({});
    expect(app.contentSecurityPolicy).toContain("connect-src 'none';");
    expect(app.contentSecurityPolicy).toContain("font-src 'none';");
    expect(app.contentSecurityPolicy).not.toMatch(/(connect|font)-src [^;]*'self'/);
    expect(app.allow).toBe('');
  });

  it('refuses a CSP domain that would inject a directive', async () => {
    const { api } = await connect(appServer({ contentMeta: { csp: { connectDomains: ["https://a.example; script-src 'unsafe-eval'"] } } }));
    const error = await api.read(APP_URI).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('_meta.ui.csp.connectDomains.0');
  });

  it('refuses a CSP domain whose path hides an HTML character reference for ";"', async () => {
    const { api } = await connect(appServer({ contentMeta: { csp: { resourceDomains: ['https://a.example/x&#59connect-src&#32*'] } } }));
    const error = await api.read(APP_URI).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error) && error.message).toContain('_meta.ui.csp.resourceDomains.0');
  });

  it('refuses a resource that is not an HTML app', async () => {
    const server = appServer();
    server.handle('resources/read', (params) => ({ contents: [{ uri: String(params.uri), mimeType: 'text/html', text: HTML }] }));
    const { api } = await connect(server);
    const error = await api.read(APP_URI).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error) && error.message).toContain('not "text/html;profile=mcp-app"');
  });
});

describe('reading an app the server answers for wrongly', () => {
  function serving(contents: unknown[]) {
    const server = appServer();
    server.handle('resources/read', () => ({ contents }));
    return server;
  }

  it('accepts the MIME type with parameters and a quoted profile', async () => {
    const { api } = await connect(serving([{ uri: APP_URI, mimeType: 'text/html; charset=utf-8; profile="mcp-app"', text: HTML }]));
    expect((await api.read(APP_URI)).html).toBe(HTML);
  });

  it('decodes the HTML from a base64 blob', async () => {
    const { api } = await connect(serving([{ uri: APP_URI, mimeType: APP_MIME_TYPE, blob: Buffer.from(HTML).toString('base64') }]));
    expect((await api.read(APP_URI)).html).toBe(HTML);
  });

  it('refuses a blob that is not base64, naming the resource and the server', async () => {
    const { api } = await connect(serving([{ uri: APP_URI, mimeType: APP_MIME_TYPE, blob: 'not base64!' }]));
    const error = await api.read(APP_URI).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error) && [error.server, error.message]).toEqual([
      'weather',
      expect.stringContaining(`the app resource ${APP_URI} has a blob that is not valid base64`),
    ]);
  });

  it('refuses a result whose only content item is another resource', async () => {
    const { api } = await connect(serving([{ uri: 'ui://weather/other.html', mimeType: APP_MIME_TYPE, text: '<p>other</p>' }]));
    const error = await api.read(APP_URI).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error) && error.message).toContain('was not in the resources/read result');
  });

  it('refuses a URI that is not ui:// without reading it', async () => {
    const server = appServer();
    const { api } = await connect(server);
    const error = await api.read('file:///etc/passwd').catch((e: unknown) => e);
    expect(ConfigError.isInstance(error) && error.message).toContain('is not a ui:// URI');
    expect(server.requests('resources/read')).toEqual([]);
  });

  it('gives up when aborted while looking for the listed metadata, rather than framing with the default policy', async () => {
    const server = appServer();
    const controller = new AbortController();
    server.handle('resources/list', () => {
      controller.abort();
      return new Promise(() => {});
    });
    const { api } = await connect(server);
    const error = await api.read(APP_URI, { signal: controller.signal }).catch((e: unknown) => e);
    expect(CancelledError.isInstance(error)).toBe(true);
  });
});

describe('forwarding an app request to the server', () => {
  it('calls a tool whose visibility includes the app', async () => {
    const server = appServer();
    const { api } = await connect(server);
    const result = await api.forward('tools/call', { name: 'refresh', arguments: { city: 'Lisbon' } });
    expect(result.content).toEqual([{ type: 'text', text: 'called refresh' }]);
    expect(server.requests('tools/call')[0]).toMatchObject({ name: 'refresh', arguments: { city: 'Lisbon' } });
  });

  it('refuses a tool whose visibility excludes the app, without calling the server', async () => {
    const server = appServer();
    const { api } = await connect(server);
    const error = await api.forward('tools/call', { name: 'delete-city' }).catch((e: unknown) => e);
    expect(AppRequestRefusedError.isInstance(error) && [error.reason, error.tool]).toEqual(['visibility', 'delete-city']);
    expect(server.requests('tools/call')).toEqual([]);
  });

  it('lists only the tools an app may call', async () => {
    const { api } = await connect(appServer());
    const { tools } = await api.forward('tools/list');
    expect((tools as Array<{ name: string }>).map((tool) => tool.name)).toEqual(['forecast', 'refresh', 'legacy-chart', 'plain']);
  });

  it('answers a relayed request whose params are not an object as one without params', async () => {
    const server = appServer();
    const { api } = await connect(server);
    const request = { jsonrpc: '2.0', id: 9, method: 'tools/call', params: null } as unknown as JsonRpcRequest;
    expect(await api.relay(request)).toMatchObject({
      id: 9,
      error: { code: -32602, message: 'the app sent tools/call without a tool "name"' },
    });
    expect(server.requests('tools/call')).toEqual([]);
  });

  it('answers a relayed ui/ method or an unknown tool with a JSON-RPC error', async () => {
    const { api } = await connect(appServer());
    expect(await api.relay({ jsonrpc: '2.0', id: 7, method: 'ui/open-link', params: { url: 'https://example.com' } })).toMatchObject({
      id: 7,
      error: { code: -32601 },
    });
    expect(await api.relay({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'nope' } })).toMatchObject({
      id: 8,
      error: { code: -32602 },
    });
  });

  it('refuses arguments that are a list, without calling the server', async () => {
    const server = appServer();
    const { api } = await connect(server);
    const error = await api.forward('tools/call', { name: 'refresh', arguments: ['Lisbon'] }).catch((e: unknown) => e);
    expect(AppRequestRefusedError.isInstance(error) && [error.reason, error.detail]).toEqual([
      'params',
      'the app sent tools/call of refresh with "arguments" that are not an object',
    ]);
    expect(server.requests('tools/call')).toEqual([]);
  });

  it('names the visibility the tool declares when it refuses a tool without an app', async () => {
    const { api } = await connect(appServer());
    const error = await api.forward('tools/call', { name: 'nobody' }).catch((e: unknown) => e);
    expect(AppRequestRefusedError.isInstance(error) && error.detail).toContain('whose visibility excludes apps ([])');
  });

  it("relays the server's progress to the app under the app's own progress token", async () => {
    const server = appServer();
    server.handle('tools/call', async (params) => {
      const token = (params._meta as { progressToken: string | number }).progressToken;
      await server.notify('notifications/progress', { progressToken: token, progress: 1, total: 2, message: 'halfway' });
      return { content: [{ type: 'text', text: 'done' }] };
    });
    const { api } = await connect(server);
    const posted: JsonRpcNotification[] = [];
    const request = {
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'refresh', _meta: { progressToken: 'app-token' } },
    } as const;
    const response = await api.relay(request, { notifyApp: (notification) => posted.push(notification) });
    expect(response).toMatchObject({ id: 3, result: { content: [{ type: 'text', text: 'done' }] } });
    expect(posted).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'app-token', progress: 1, total: 2, message: 'halfway' },
      },
    ]);
    expect((server.requests('tools/call')[0]?._meta as { progressToken: unknown }).progressToken).not.toBe('app-token');
  });

  it('answers the app a failure of its host with a generic message and gives the detail to the host', async () => {
    const server = appServer();
    server.handle('resources/read', () => ({ contents: 'not a list' }));
    const { api } = await connect(server);
    const errors: unknown[] = [];
    const response = await api.relay(
      { jsonrpc: '2.0', id: 4, method: 'resources/read', params: { uri: APP_URI } },
      { onError: (error) => errors.push(error) },
    );
    expect(response).toEqual({ jsonrpc: '2.0', id: 4, error: { code: -32603, message: 'the host could not complete the request' } });
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('weather');
  });
});
