// mcpx: McpClient from @mcpx/core with its transport packages (their built dist: `pnpm build` first).
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

export const name = 'mcpx';

const transports = {
  stdio: (server) => new StdioTransport({ command: server.command, args: server.args }),
};

export async function connect(server) {
  const client = new McpClient({ name: 'bench-mcpx' });
  await client.connect(transportFor(server));
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}

function transportFor(server) {
  const make = transports[server.transport];
  if (make === undefined) throw new Error(`bench: ${name} client has no "${server.transport}" transport here`);
  return make(server);
}
