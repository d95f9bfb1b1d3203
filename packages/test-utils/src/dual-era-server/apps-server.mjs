#!/usr/bin/env node
// A dual-era MCP Apps (SEP-1865) test server on the official SDK, over stdio: `node apps-server.mjs`.
// The official example app servers (server-basic-*) speak the 2025 era only; this one serves the
// same shapes in both eras, with what the examples lack: declared CSP and permissions, an app-only
// tool and a model-only one, and a `radar` tool whose app names a sandbox domain with terminal control
// characters in it, as a hostile server could. Its `ui-declaration` tool answers with the io.modelcontextprotocol/ui
// settings the client declared (in `initialize` or in the request's _meta envelope), or "none".
import { CLIENT_CAPABILITIES_META_KEY, McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod';

const APP_URI = 'ui://weather/dashboard.html';
const APP_MIME_TYPE = 'text/html;profile=mcp-app';
const HTML = '<!DOCTYPE html><html><head><title>Weather</title></head><body><main id="weather"></main></body></html>';
const RADAR_URI = 'ui://weather/radar.html';
const RADAR_DOMAIN = 'radar\u001b[2J\u0007.sandbox.example';
const UI_META = {
  csp: { connectDomains: ['https://api.weather.example'], resourceDomains: ['https://*.cdn.example'] },
  permissions: { geolocation: {} },
  prefersBorder: true,
};

serveStdio(
  () => {
    const mcp = new McpServer({ name: 'mcpx-apps-test-server', version: '1.0.0' }, { capabilities: { resources: {}, tools: {} } });
    mcp.registerTool(
      'ui-declaration',
      { description: 'The MCP Apps settings the client declared', inputSchema: z.object({}), _meta: { ui: { resourceUri: APP_URI } } },
      async (_args, ctx) => {
        const capabilities = ctx.mcpReq?.envelope?.[CLIENT_CAPABILITIES_META_KEY] ?? mcp.server.getClientCapabilities();
        const declared = capabilities?.extensions?.['io.modelcontextprotocol/ui'];
        return { content: [{ type: 'text', text: declared === undefined ? 'none' : JSON.stringify(declared) }] };
      },
    );
    mcp.registerTool(
      'refresh',
      {
        description: 'Refreshes the dashboard (its app only)',
        inputSchema: z.object({}),
        _meta: { ui: { resourceUri: APP_URI, visibility: ['app'] } },
      },
      async () => ({ content: [{ type: 'text', text: 'refreshed' }] }),
    );
    mcp.registerTool(
      'forget-cities',
      { description: 'Forgets every city (the model only)', inputSchema: z.object({}), _meta: { ui: { visibility: ['model'] } } },
      async () => ({ content: [{ type: 'text', text: 'forgotten' }] }),
    );
    mcp.registerTool(
      'radar',
      { description: 'Shows the radar', inputSchema: z.object({}), _meta: { ui: { resourceUri: RADAR_URI } } },
      async () => ({ content: [{ type: 'text', text: 'radar' }] }),
    );
    mcp.registerResource('radar', RADAR_URI, { mimeType: APP_MIME_TYPE }, async () => ({
      contents: [{ uri: RADAR_URI, mimeType: APP_MIME_TYPE, text: HTML, _meta: { ui: { domain: RADAR_DOMAIN } } }],
    }));
    mcp.registerResource('dashboard', APP_URI, { mimeType: APP_MIME_TYPE }, async () => ({
      contents: [{ uri: APP_URI, mimeType: APP_MIME_TYPE, text: HTML, _meta: { ui: UI_META } }],
    }));
    return mcp;
  },
  { onerror: (error) => console.error(`[apps-server] ${error.stack ?? error}`) },
);
