// mcpx: McpClient from @mcpx/core with its transport packages (their built dist: `pnpm build` first).
import { McpClient } from '@mcpx/core';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx';

/** mcpx's transports, as the bench servers are reached; shared by the clients that vary mcpx's options. */
export const MCPX_TRANSPORTS = {
  stdio: async () => {
    const { StdioTransport } = await import('@mcpx/stdio');
    return (server) => new StdioTransport({ command: server.command, args: server.args });
  },
  http: async () => {
    const { StreamableHttpTransport } = await import('@mcpx/http');
    return (server) => new StreamableHttpTransport(server.url);
  },
};

/** Imports the transport's package; the child times it with the client's import. */
export const load = transportLoader(name, MCPX_TRANSPORTS);

/** An McpClient made with `options`, connected over the transport `load` makes for `server`, as the bench drives it. */
export async function connectMcpx(load, server, options) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient(options);
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}

export function connect(server) {
  return connectMcpx(load, server, { name: 'bench-mcpx' });
}
