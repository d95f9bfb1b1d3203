import { McpClient } from '@mcpx/core';
import { AppRequestRefusedError, appOf, apps } from '@mcpx/core/apps';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportFactory } from './feature-suite.js';

const APP_URI = 'ui://get-time/mcp-app.html';

/**
 * The MCP Apps suite: the apps extension against the official example app server
 * (`@modelcontextprotocol/server-basic-vanillajs`: a `get-time` tool whose app is an HTML page),
 * over whichever transport `makeTransport` builds.
 */
export function describeAppsSuite(transportName: string, makeTransport: TransportFactory): void {
  describe(`MCP Apps over ${transportName} against server-basic-vanillajs`, () => {
    const clients: McpClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    });

    async function connect() {
      const extension = apps();
      const client = new McpClient({ server: 'basic-app', eraCache: false, extensions: [extension] });
      clients.push(client);
      await client.connect(await makeTransport());
      return { client, api: client.extension(extension) };
    }

    it('finds the app the get-time tool points at', async () => {
      const { client, api } = await connect();
      const { tools } = await client.listTools();
      const getTime = tools.find((tool) => tool.name === 'get-time');
      expect(getTime && appOf(getTime)).toEqual({ resourceUri: APP_URI, visibility: ['model', 'app'] });
      expect((await api.tools()).map(({ tool }) => tool.name)).toEqual(['get-time']);
    });

    it("reads the app's HTML with the restrictive default policy, since it declares no domains", async () => {
      const { api } = await connect();
      const [found] = await api.tools();
      const app = await api.read(found!.tool);
      expect(app.uri).toBe(APP_URI);
      expect(app.mimeType).toBe('text/html;profile=mcp-app');
      expect(app.html).toMatch(/^<!doctype html>/i);
      expect(app.contentSecurityPolicy).toContain("default-src 'none'");
      expect(app.contentSecurityPolicy).toContain("connect-src 'none';");
    });

    it("forwards the app's call of get-time to the server and returns its structured result", async () => {
      const { api } = await connect();
      const result = await api.relay({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get-time', arguments: {} } });
      expect(result).toMatchObject({ jsonrpc: '2.0', id: 1, result: { structuredContent: { time: expect.any(String) } } });
      const time = 'result' in result ? (result.result.structuredContent as { time: string }).time : '';
      expect(Number.isNaN(Date.parse(time))).toBe(false);
    });

    it('refuses to forward a tool the server does not have', async () => {
      const { api } = await connect();
      const error = await api.forward('tools/call', { name: 'rm-rf' }).catch((e: unknown) => e);
      expect(AppRequestRefusedError.isInstance(error) && error.reason).toBe('unknown');
    });
  });
}
