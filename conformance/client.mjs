// The MCP client that the official conformance suite drives in client mode. The suite
// starts a mock server, then runs `node client.mjs <server-url>` with the scenario's
// name in MCP_CONFORMANCE_SCENARIO, and judges what it saw on the wire.
import { McpClient } from '@mcpx/core';
import { skills } from '@mcpx/core/skills';
import { StreamableHttpTransport } from '@mcpx/http';
import { OAuthProvider } from '@mcpx/auth';

const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const protocolVersion = process.env.MCP_CONFORMANCE_PROTOCOL_VERSION;
/** Scenario data some scenarios pass, such as the tool calls to make (`http-custom-headers`). */
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}');

/** Lists the tools, then calls `name` with `args`. */
const callAfterList = (name, args) => async (client) => {
  await client.listTools();
  return client.callTool(name, args);
};

/** Arguments that satisfy the required parameters of a simple object schema. */
function sampleArguments(schema) {
  const samples = { string: 'us-west1', integer: 1, number: 1, boolean: true };
  const args = {};
  for (const name of schema?.required ?? []) args[name] = samples[schema.properties?.[name]?.type] ?? 'x';
  return args;
}

/**
 * The browser of the auth scenarios: the suite's authorization endpoint approves at once
 * with a redirect, so following redirects until the loopback callback is what a user's
 * click would do.
 */
async function headlessBrowser(url) {
  let target = url;
  for (let hop = 0; hop < 10; hop++) {
    const response = await globalThis.fetch(target, { redirect: 'manual' });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`the authorization endpoint answered ${response.status} without a redirect`);
    target = new URL(location, target);
    if (target.hostname === '127.0.0.1') {
      // The loopback listener: deliver the response as the browser would.
      const delivered = await globalThis.fetch(target);
      await delivered.body?.cancel();
      return;
    }
  }
  throw new Error('too many redirects from the authorization endpoint');
}

/** OAuth settings from the scenario's context (pre-registered clients, machine grants). */
function oauthOptions() {
  // The client ID metadata document the suite expects a client to be published at.
  const options = { userAgent: headlessBrowser, clientMetadataUrl: 'https://conformance-test.local/client-metadata.json' };
  if (context.client_id) options.clientId = context.client_id;
  if (context.client_secret) options.clientSecret = context.client_secret;
  if (context.private_key_pem) Object.assign(options, { privateKey: context.private_key_pem, privateKeyAlg: context.signing_algorithm });
  if (scenario.startsWith('auth/client-credentials-')) options.grant = { type: 'client_credentials' };
  if (context.idp_id_token) {
    options.grant = {
      type: 'enterprise',
      idToken: context.idp_id_token,
      idpTokenEndpoint: context.idp_token_endpoint,
      idpClientId: context.idp_client_id,
    };
  }
  if (context.valid_jwt) options.grant = { type: 'workload_identity', token: context.valid_jwt };
  if (scenario.startsWith('auth/dpop')) options.dpop = true;
  return options;
}

/** The Skills extension, registered for the SEP-2640 scenarios only: extensions are opt-in. */
const skillsExtension = scenario.startsWith('sep-2640-') ? skills() : undefined;

/**
 * Loads every listed skill as a host would when the model asks for it: its SKILL.md, verified,
 * then its other files, each verified. A skill that fails verification stops the run (the
 * suite allows the error) before any other file of it is read.
 */
const loadSkills = async (client) => {
  const api = client.extension(skillsExtension);
  const loaded = [];
  for (const entry of await api.list()) {
    const skill = await api.load(entry);
    for (const file of entry.resources === 'dynamic' ? [] : entry.resources) if (file.uri !== entry.uri) await skill.read(file.uri);
    loaded.push(skill.name);
  }
  return loaded;
};

/** Runs before the elicitation handler answers; a scenario may set it. */
let duringElicitation = async () => undefined;

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
  // Every method whose Mcp-Method and Mcp-Name headers the scenario checks.
  'http-standard-headers': async (client) => {
    const { tools } = await client.listTools();
    for (const tool of tools) await client.callTool(tool.name, sampleArguments(tool.inputSchema));
    const { resources } = await client.listResources();
    for (const resource of resources) await client.readResource(resource.uri);
    const { prompts } = await client.listPrompts();
    for (const prompt of prompts) await client.getPrompt(prompt.name);
  },
  'http-custom-headers': async (client) => {
    await client.listTools();
    const results = [];
    for (const call of context.toolCalls ?? []) results.push(await client.callTool(call.name, call.arguments));
    return results;
  },
  // The transport leaves the tools with invalid x-mcp-header annotations out of the list.
  'http-invalid-tool-headers': async (client) => {
    const { tools } = await client.listTools();
    const results = [];
    for (const tool of tools) results.push(await client.callTool(tool.name, sampleArguments(tool.inputSchema)));
    return results;
  },
  // Multi round-trip: state echoed, none invented, and an unrelated call made while an
  // elicitation is being answered carries nothing of that flow.
  // Listing opens no retrieval window: nothing is read until a skill is loaded.
  'sep-2640-client-no-prefetch': async (client) => client.extension(skillsExtension).list(),
  'sep-2640-client-verify-digest': loadSkills,
  'sep-2640-client-verify-size': loadSkills,
  'sep-2640-client-verify-frontmatter': loadSkills,
  'sep-2322-client-request-state': async (client) => {
    await client.listTools();
    let unrelated;
    duringElicitation = async () => {
      unrelated ??= client.callTool('test_mrtr_unrelated', {});
      await unrelated;
    };
    const results = [await client.callTool('test_mrtr_echo_state', {})];
    duringElicitation = async () => undefined;
    results.push(await client.callTool('test_mrtr_no_state', {}));
    results.push(await client.callTool('test_mrtr_no_result_type', {}));
    return results;
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
    ...(skillsExtension ? { extensions: [skillsExtension] } : {}),
    // Accepts with no fields: McpClient fills in the requested schema's defaults (SEP-1034).
    elicitation: async () => {
      await duringElicitation();
      return { action: 'accept', content: {} };
    },
  });
  client.on('diagnostic', (event) => console.error(`diagnostic: ${event.message ?? event.line}`));
  const authProvider = scenario.startsWith('auth/') ? new OAuthProvider(oauthOptions()) : undefined;
  await client.connect(new StreamableHttpTransport(new URL(url), authProvider ? { authProvider } : {}));
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
