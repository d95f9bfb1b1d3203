// mcpx over stdio with `processGroup: false`: the server spawned in this process's group and
// session, as the official client and the raw loop spawn theirs. Against `mcpx` (a group and a
// session of its own for each server, the default) it is what that costs per call: on Linux with
// scheduler autogroups a new session is a new scheduling group, and the round trips between the
// two groups cost the client CPU and latency on a loaded machine. No target.
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx-no-group';

export const load = transportLoader(name, {
  stdio: async () => {
    const { StdioTransport } = await import('@mcpx/stdio');
    return (server) => new StdioTransport({ command: server.command, args: server.args, processGroup: false });
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx-no-group' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
