// The raw loop speaking 2026-07-28, as `mcpx` (era `auto`) talks to the bench's servers:
// `server/discover`, then the `_meta` envelope on every request and, over HTTP, its headers
// (clients/raw/modern.mjs). `raw` talks 2025-11-25, as the official client does. No target:
// against `raw` it is what the 2026-07-28 era costs a hand-written loop, and against `mcpx` it
// compares the same protocol, so a gap of `mcpx` to `raw` splits into the era's and the client's.
import { transportLoader } from '../lib/transports.mjs';

export const name = 'raw-modern';

export const load = transportLoader(name, {
  stdio: async () => {
    const { connect } = await import('./raw/stdio.mjs');
    return (server) => connect(server, { modern: true });
  },
  http: async () => {
    const { connect } = await import('./raw/http.mjs');
    return (server) => connect(server, { modern: true });
  },
});

export async function connect(server) {
  return (await load(server.transport))(server);
}
