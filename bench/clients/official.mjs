// The official TypeScript client, `@modelcontextprotocol/client` (v2), with its own transports.
import { Client } from '@modelcontextprotocol/client';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'official';

/** Imports the transport's module; the child times it with the client's import. */
export const load = transportLoader(name, {
  stdio: async () => {
    const { StdioClientTransport } = await import('@modelcontextprotocol/client/stdio');
    return (server) => new StdioClientTransport({ command: server.command, args: server.args });
  },
  http: async () => {
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
    return (server) => new StreamableHTTPClientTransport(new URL(server.url));
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new Client({ name: 'bench-official', version: '1.0.0' });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool({ name: 'echo', arguments: { text } }),
    close: () => client.close(),
  };
}
