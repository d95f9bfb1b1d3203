// The server factory: one definition of the test server that the SDK's serving entries
// instantiate per stdio connection, per legacy HTTP session or per modern HTTP request.
import { createRequestStateCodec, McpServer } from '@modelcontextprotocol/server';
import { randomBytes } from 'node:crypto';
import { registerCatalog } from './catalog.mjs';
import { registerTools } from './tools.mjs';

export const SERVER_INFO = { name: 'mcpx-dual-era-test-server', version: '1.0.0' };

/** Cache hints of the 2026-07-28 list results; distinct values so a test can tell them apart. */
export const CACHE_HINTS = {
  'server/discover': { ttlMs: 300_000, cacheScope: 'public' },
  'tools/list': { ttlMs: 60_000, cacheScope: 'public' },
  'prompts/list': { ttlMs: 120_000, cacheScope: 'public' },
  'resources/list': { ttlMs: 30_000, cacheScope: 'private' },
  'resources/templates/list': { ttlMs: 90_000, cacheScope: 'public' },
};

/**
 * @param {ReturnType<typeof import('./hub.mjs').createHub>} hub
 * @param {{ track: boolean }} options `track` for long-lived instances (stdio, legacy HTTP
 *   sessions), which the hub then tells about changes directly.
 * @returns {import('@modelcontextprotocol/server').McpServerFactory}
 */
export function createServerFactory(hub, { track }) {
  // One key per process: every round of a multi round-trip flow lands in this process.
  const requestState = createRequestStateCodec({ key: randomBytes(32), bind: (ctx) => ctx.mcpReq.method });

  return ({ era }) => {
    const mcp = new McpServer(SERVER_INFO, {
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: 'A test server for mcpx: tools, resources, prompts and notifications in both protocol eras.',
      cacheHints: CACHE_HINTS,
      requestState: { verify: requestState.verify },
    });
    const refresh = registerTools(mcp, { hub, requestState });
    registerCatalog(mcp, hub);

    // 2026-07-28 replaced resources/subscribe with subscriptions/listen, which the serving
    // entries answer themselves; the legacy era needs its own bookkeeping.
    const subscriptions = new Set();
    if (era === 'legacy') {
      mcp.server.setRequestHandler('resources/subscribe', async (request) => {
        subscriptions.add(request.params.uri);
        return {};
      });
      mcp.server.setRequestHandler('resources/unsubscribe', async (request) => {
        subscriptions.delete(request.params.uri);
        return {};
      });
    }
    if (track) {
      const untrack = hub.track({ mcp, era, subscriptions, refresh });
      mcp.server.onclose = untrack;
    }
    return mcp;
  };
}
