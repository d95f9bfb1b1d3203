// mcpx with a fixed header: McpClient over StreamableHttpTransport with `Authorization: Bearer …`
// given in `headers`, no auth provider. It sends the same bytes as `mcpx-oauth`, so `mcpx-oauth`
// against it is what the provider costs, and it against `mcpx` is what the header itself costs.
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx-header';

/** The token `mcpx-oauth` stores, so both clients send headers of the same length. */
const AUTHORIZATION = 'Bearer bench-access-token-0123456789abcdef';

export const load = transportLoader(name, {
  http: async () => {
    const { StreamableHttpTransport } = await import('@mcpx/http');
    return (server) => new StreamableHttpTransport(server.url, { headers: { authorization: AUTHORIZATION } });
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx-header' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
