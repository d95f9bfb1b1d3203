// The Streamable HTTP face of the dual-era test server: 2026-07-28 traffic goes to the
// SDK's per-request handler, 2025-era traffic to sessionful legacy serving, both at /mcp.
import { localhostHostValidation, localhostOriginValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, isLegacyRequest } from '@modelcontextprotocol/server';
import { createServer } from 'node:http';
import { createServerFactory } from './build-server.mjs';
import { createLegacySessions } from './legacy-sessions.mjs';

export const MCP_PATH = '/mcp';

/**
 * Listens on 127.0.0.1:`port` (0 for any free port) and resolves with the port and a
 * `close()` that ends every stream and session.
 * @param {ReturnType<typeof import('./hub.mjs').createHub>} hub
 * @param {number} port
 * @param {(error: Error) => void} onerror
 */
export async function serveHttp(hub, port, onerror) {
  const modern = createMcpHandler(createServerFactory(hub, { track: false }), { legacy: 'reject', onerror });
  hub.addNotifier({ toolsChanged: () => modern.notify.toolsChanged(), resourceUpdated: (uri) => modern.notify.resourceUpdated(uri) });
  const legacy = createLegacySessions(createServerFactory(hub, { track: true }), onerror);

  const handle = toNodeHandler(
    { fetch: async (request, options) => ((await isLegacyRequest(request)) ? legacy.fetch(request) : modern.fetch(request, options)) },
    { onerror },
  );
  const validHost = localhostHostValidation();
  const validOrigin = localhostOriginValidation();

  const server = createServer((req, res) => {
    if (!validHost(req, res) || !validOrigin(req, res)) return;
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== MCP_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: the MCP endpoint is ${MCP_PATH}\n`);
      return;
    }
    handle(req, res).catch(onerror);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });

  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    async close() {
      await Promise.all([modern.close(), legacy.close()]);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
