import { McpClient } from '@mcpx/core';
import { AppRequestRefusedError, apps } from '@mcpx/core/apps';
import { appsServerCommand } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';

const APP_URI = 'ui://weather/dashboard.html';

// The official SDK as an MCP Apps server in both protocol eras (test-utils' apps-server.mjs).
describe.each(['legacy', 'modern'] as const)('MCP Apps against the official SDK server (%s era)', (era) => {
  let client: McpClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  async function connect() {
    const extension = apps();
    client = new McpClient({ era, eraCache: false, server: 'weather', extensions: [extension] });
    await client.connect(new StdioTransport({ ...appsServerCommand(), stderr: 'pipe' }));
    return { client, api: client.extension(extension) };
  }

  it('reaches the server with the app MIME type declared', async () => {
    const { client } = await connect();
    const result = await client.callTool('ui-declaration', {});
    expect(result.content).toEqual([{ type: 'text', text: '{"mimeTypes":["text/html;profile=mcp-app"]}' }]);
  });

  it("reads the app with the server's CSP, permissions and border preference", async () => {
    const { api } = await connect();
    const app = await api.read(APP_URI);
    expect(app.meta).toEqual({
      csp: { connectDomains: ['https://api.weather.example'], resourceDomains: ['https://*.cdn.example'] },
      permissions: { geolocation: {} },
      prefersBorder: true,
    });
    expect(app.contentSecurityPolicy).toContain('connect-src https://api.weather.example;');
    expect(app.allow).toBe('geolocation');
  });

  it('forwards a call of an app-only tool and refuses one of a model-only tool', async () => {
    const { api } = await connect();
    expect((await api.forward('tools/call', { name: 'refresh' })).content).toEqual([{ type: 'text', text: 'refreshed' }]);
    const error = await api.forward('tools/call', { name: 'forget-cities' }).catch((e: unknown) => e);
    expect(AppRequestRefusedError.isInstance(error) && error.reason).toBe('visibility');
  });
});
