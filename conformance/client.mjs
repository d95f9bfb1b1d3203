// The MCP client that the official conformance suite drives in client mode. The suite
// starts a mock server, then runs `node client.mjs <server-url>` with the scenario's
// name in MCP_CONFORMANCE_SCENARIO, and judges what it saw on the wire.
import { McpClient } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';

const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const protocolVersion = process.env.MCP_CONFORMANCE_PROTOCOL_VERSION;

/** Lists the tools, then calls `name` with `args`. */
const callAfterList = (name, args) => async (client) => {
  await client.listTools();
  return client.callTool(name, args);
};

/** What the client does once connected, per scenario. */
const flows = {
  initialize: async () => undefined,
  tools_call: callAfterList('add_numbers', { a: 5, b: 3 }),
  'elicitation-sep1034-client-defaults': callAfterList('test_client_elicitation_defaults', {}),
  'sse-retry': callAfterList('test_reconnection', {}),
  'json-schema-2020-12-preservation': async (client) => {
    const { tools } = await client.listTools();
    const focal = tools.find((t) => t.name === 'json_schema_2020_12_tool');
    if (!focal) throw new Error('the server listed no json_schema_2020_12_tool');
    return client.callTool('json_schema_echo', { schema: focal.inputSchema });
  },
};

/** The auth scenarios' servers all expose `test-tool`; the rest only need the tool list. */
const defaultFlow = async (client) => {
  if (scenario.startsWith('auth/')) return callAfterList('test-tool', {})(client);
  if (client.serverCapabilities?.tools) return client.listTools();
  return undefined;
};

async function main() {
  if (!url || !/^https?:\/\//.test(url)) throw new Error(`usage: node client.mjs <server-url> (got ${url ?? 'nothing'})`);
  // clientInfo.version is left to its default, the @mcpx/core version.
  const client = new McpClient({
    name: 'mcpx-conformance-client',
    ...(protocolVersion ? { protocolVersion } : {}),
    // Accepts with no fields: McpClient fills in the requested schema's defaults (SEP-1034).
    elicitation: async () => ({ action: 'accept', content: {} }),
  });
  await client.connect(new StreamableHttpTransport(new URL(url)));
  try {
    const result = await (flows[scenario] ?? defaultFlow)(client);
    if (result !== undefined) console.log(JSON.stringify(result));
  } finally {
    await client.close();
  }
}

// On success the process must end by itself: a handle left open after close() is a bug
// the suite reports as a client time-out.
main().catch((error) => {
  console.error(`mcpx conformance client, scenario ${scenario || '(none)'}:`, error);
  process.exit(1);
});
