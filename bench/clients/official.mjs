// The official TypeScript client, `@modelcontextprotocol/client` (v2), with its own transports.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

export const name = 'official';

const transports = {
  stdio: (server) => new StdioClientTransport({ command: server.command, args: server.args }),
};

export async function connect(server) {
  const client = new Client({ name: 'bench-official', version: '1.0.0' });
  await client.connect(transportFor(server));
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool({ name: 'echo', arguments: { text } }),
    close: () => client.close(),
  };
}

function transportFor(server) {
  const make = transports[server.transport];
  if (make === undefined) throw new Error(`bench: ${name} client has no "${server.transport}" transport here`);
  return make(server);
}
