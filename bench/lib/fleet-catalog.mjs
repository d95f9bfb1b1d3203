// The catalog at 50, 500 and 5,000 tools: in-memory servers (FakeServer, no I/O) in one registry,
// so what is timed is the registry's own work: listing the catalog from its cache, and finding
// the server behind a qualified name on each routed call (a routed call minus the same call made
// directly on the client), before and after one server's list changed.
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { McpRegistry } from '@mcpx/registry';
import { median } from './stats.mjs';

const TOOLS_PER_SERVER = 10;

function fakeServer() {
  const server = new FakeServer({ capabilities: { tools: { listChanged: true } } });
  const tools = Array.from({ length: TOOLS_PER_SERVER }, (_, i) => ({ name: `tool-${i}`, inputSchema: { type: 'object' } }));
  server.handle('tools/list', () => ({ tools }));
  server.handle('tools/call', () => ({ content: [] }));
  return server;
}

/** Microseconds per call of `run` over `calls` calls, median of `rounds` rounds. */
async function usPerCall(run, calls, rounds) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await run(i);
    samples.push(((performance.now() - t0) * 1000) / calls);
  }
  return median(samples);
}

/** Measures one catalog size: `tools` tools over `tools / 10` servers. */
async function measureSize(tools, { quick }) {
  const count = tools / TOOLS_PER_SERVER;
  const servers = Array.from({ length: count }, fakeServer);
  const registry = new McpRegistry({ defaults: { health: false } });
  servers.forEach((server, i) =>
    registry.register({
      name: `s${i}`,
      connect: async () => {
        const client = new McpClient({ name: 'fleet-catalog', eraCache: false });
        await client.connect(server.clientTransport);
        return client;
      },
    }),
  );
  await registry.connectAll();
  const listed = await registry.listTools();
  if (listed.tools.length !== tools) throw new Error(`fleet: expected ${tools} tools in the catalog, got ${listed.tools.length}`);
  const rounds = quick ? 3 : 7;
  const calls = quick ? 300 : 1000;
  const listUs = await usPerCall(() => registry.listTools(), Math.max(5, Math.round(20_000 / tools)), rounds);
  const name = (i) => `s${i % count}__tool-${i % TOOLS_PER_SERVER}`;
  const client = (i) => registry.get(`s${i % count}`).client;
  const routedUs = await usPerCall((i) => registry.callTool(name(i), {}), calls, rounds);
  const directUs = await usPerCall((i) => client(i).callTool(`tool-${i % TOOLS_PER_SERVER}`, {}), calls, rounds);
  // One server's list changed, then one listing (which refetches it) and one routed call, which
  // finds the routes out of date: what a changing fleet pays per change.
  const changedUs = await usPerCall(
    async (i) => {
      await servers[i % count].notify('notifications/tools/list_changed');
      await new Promise((resolve) => setImmediate(resolve));
      await registry.listTools();
      await registry.callTool(name(i), {});
    },
    quick ? 20 : 50,
    rounds,
  );
  await registry.close();
  return { tools, servers: count, listUs, listUsPerTool: listUs / tools, routedUs, directUs, lookupUs: routedUs - directUs, changedUs };
}

/** The catalog measurements at 50, 500 and 5,000 tools. */
export async function measureCatalog({ quick }) {
  const rows = [];
  for (const tools of [50, 500, 5000]) rows.push(await measureSize(tools, { quick }));
  return rows;
}
