import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { AppRequestRefusedError } from '../errors/app-request-refused-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { JsonRpcRequest } from '../jsonrpc/messages.js';
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

async function connect(server: FakeServer) {
  const extension = apps();
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
});
