// mcpx with a fixed header: McpClient over StreamableHttpTransport with `Authorization: Bearer …`
// given in `headers`, no auth provider. It sends the same bytes as `mcpx-oauth`, so `mcpx-oauth`
// against it is what the provider costs, and it against `mcpx` is what the header itself costs.
import { transportLoader } from '../lib/transports.mjs';
import { connectMcpx } from './mcpx.mjs';

export const name = 'mcpx-header';

/** The token `mcpx-oauth` stores, so both clients send headers of the same length. */
const AUTHORIZATION = 'Bearer bench-access-token-0123456789abcdef';

export const load = transportLoader(name, {
  http: async () => {
    const { StreamableHttpTransport } = await import('@mcpx/http');
    return (server) => new StreamableHttpTransport(server.url, { headers: { authorization: AUTHORIZATION } });
  },
});

export function connect(server) {
  return connectMcpx(load, server, { name: 'bench-mcpx-header' });
}
