// Another process of the fleet: opens the config given as JSON with the built @mcpx/factory (run
// `pnpm build` first), lists the tools of the server `dual` once, waits until the shared store
// holds what it may have put there, and prints one JSON line before it exits:
//   { "tools": [names], "toolsListsSent": n, "cached": true }
//   node fleet-peer.mjs '<config as JSON>'
import { createRegistry } from '@mcpx/factory';

const config = JSON.parse(process.argv[2]);
const registry = await createRegistry(config, { oauth: false });
try {
  const client = registry.get('dual').client;
  let toolsListsSent = 0;
  client.on('request', ({ method }) => {
    if (method === 'tools/list') toolsListsSent++;
  });
  const { tools } = await client.listTools();
  const sentByTheList = toolsListsSent;
  // listTools does not wait for the store's put: wait (a bounded number of tries) until a list is
  // answered from the cache, so that the entry is in Redis before this process exits.
  let cached = false;
  for (let attempt = 0; attempt < 200 && !cached; attempt++) {
    const before = toolsListsSent;
    await client.listTools();
    cached = toolsListsSent === before;
    if (!cached) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.stdout.write(`${JSON.stringify({ tools: tools.map((tool) => tool.name), toolsListsSent: sentByTheList, cached })}\n`);
} finally {
  await registry.close();
}
