// The baseline: a hand-written JSON-RPC loop, one per transport (clients/raw/). No validation,
// no abstractions: the least a correct client can do.
import { transportLoader } from '../lib/transports.mjs';

export const name = 'raw';

/** Imports the transport's loop; the child times it with the client's import. */
export const load = transportLoader(name, {
  stdio: async () => (await import('./raw/stdio.mjs')).connect,
  http: async () => (await import('./raw/http.mjs')).connect,
});

export async function connect(server) {
  return (await load(server.transport))(server);
}
