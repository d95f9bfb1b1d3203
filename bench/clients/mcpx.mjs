// mcpx: McpClient from @mcpx/core with its transport packages (their built dist: `pnpm build` first).
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx';

/** Imports the transport's package; the child times it with the client's import. */
export const load = transportLoader(name, {
  stdio: async () => {
    const { StdioTransport } = await import('@mcpx/stdio');
    return (server) => new StdioTransport({ command: server.command, args: server.args });
  },
  http: async () => {
    const { StreamableHttpTransport } = await import('@mcpx/http');
    return (server) => new StreamableHttpTransport(server.url);
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
