// The raw loop over stdio with the server spawned as the leader of a process group and session
// of its own (`detached`), as mcpx spawns it by default (`processGroup: true`). Against `raw` it
// is what the group alone costs per call, with no client code in the way: on Linux with scheduler
// autogroups a new session is a new scheduling group. No target.
import { transportLoader } from '../lib/transports.mjs';

export const name = 'raw-group';

export const load = transportLoader(name, {
  stdio: async () => {
    const { connect } = await import('./raw/stdio.mjs');
    return (server) => connect(server, { detached: true });
  },
});

export async function connect(server) {
  return (await load(server.transport))(server);
}
