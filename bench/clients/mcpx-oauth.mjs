// mcpx with OAuth: McpClient over StreamableHttpTransport with an OAuthProvider from @mcpx/auth
// holding a valid stored login, so every call carries `Authorization: Bearer …`. Compared with
// `mcpx`, it measures what an authorized call costs: the target is ≥ 95% of the
// unauthorized throughput, with no request besides the calls (the echo server counts none).
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx-oauth';

export const load = transportLoader(name, {
  http: async () => {
    const [{ StreamableHttpTransport }, { OAuthProvider, memoryTokenStore, loginStoreKey }] = await Promise.all([
      import('@mcpx/http'),
      import('@mcpx/auth'),
    ]);
    return async (server) => {
      const store = memoryTokenStore();
      const expiresAt = Date.now() + 3_600_000;
      await store.set(loginStoreKey(server.url), {
        serverUrl: server.url,
        issuer: new URL(server.url).origin,
        client: { clientId: 'bench' },
        tokens: { accessToken: 'bench-access-token-0123456789abcdef', tokenType: 'Bearer', expiresAt, scope: 'mcp' },
        savedAt: Date.now(),
      });
      return new StreamableHttpTransport(server.url, { authProvider: new OAuthProvider({ store, interactive: false }) });
    };
  },
});

export async function connect(server) {
  const transport = await (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx-oauth' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
