// mcpx over stdio with `processGroup: true`: each server spawned as the leader of a process
// group and session of its own, as mcpx does by default when it has a terminal (the bench's
// processes have none, so `mcpx` runs its servers in its own group, as the official client and
// the raw loop do). Against `mcpx` it is what a group of its own costs per call: on Linux with
// scheduler autogroups a new session is a new scheduling group, and the round trips between the
// two groups cost the client CPU and latency on a loaded machine. No target.
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx-group';

export const load = transportLoader(name, {
  stdio: async () => {
    const { StdioTransport } = await import('@mcpx/stdio');
    return (server) => new StdioTransport({ command: server.command, args: server.args, processGroup: true });
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx-group' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
