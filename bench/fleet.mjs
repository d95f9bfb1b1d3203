// Fleet benchmark: a registry of N stdio echo servers. Reports the time to connect them all
// (connectAll), the client process's memory per connected server, and the servers' own
// resident memory. Not part of the test suite. Usage: node bench/fleet.mjs [--servers=50] [--rounds=3]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { McpClient } from '@mcpx/core';
import { McpRegistry } from '@mcpx/registry';
import { StdioTransport } from '@mcpx/stdio';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = arg('servers', 50);
const rounds = arg('rounds', 3);
const server = fileURLToPath(new URL('./servers/echo-stdio.mjs', import.meta.url));
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_EXTRA_CA_CERTS' && key !== 'NODE_OPTIONS'));

/** Resident memory of a process in KiB, from /proc (Linux). */
function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function round() {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const transports = [];
  const registry = new McpRegistry();
  for (let i = 0; i < count; i++) {
    registry.register({
      name: `echo-${i}`,
      connect: async (signal) => {
        const transport = new StdioTransport({ command: process.execPath, args: [server], env, stderr: 'ignore' });
        transports.push(transport);
        const client = new McpClient({ name: 'fleet-bench', server: `echo-${i}`, eraCache: false });
        await client.connect(transport, { signal });
        return client;
      },
      health: { intervalMs: 60_000 },
    });
  }
  const started = performance.now();
  const report = await registry.connectAll();
  const connectMs = performance.now() - started;
  const tools = await registry.listTools();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const childRss = transports.map((t) => rssKiB(t.pid)).filter(Number.isFinite);
  await registry.close({ deadlineMs: 5000 });
  return {
    connected: report.connected.length,
    tools: tools.tools.length,
    connectMs,
    clientRssPerServerKiB: (after.rss - before.rss) / 1024 / count,
    clientHeapPerServerKiB: (after.heapUsed - before.heapUsed) / 1024 / count,
    serverRssKiB: childRss.length > 0 ? median(childRss) : NaN,
  };
}

const results = [];
for (let i = 0; i < rounds; i++) results.push(await round());
const pick = (key) => median(results.map((r) => r[key]));
console.log(`fleet: ${count} stdio servers through @mcpx/registry, ${rounds} rounds (medians), node ${process.version}`);
console.log(`  connected                      ${pick('connected')} / ${count}, ${pick('tools')} tools in the catalog`);
console.log(`  time to connect all            ${pick('connectMs').toFixed(0)} ms`);
console.log(
  `  client memory per server       ${pick('clientRssPerServerKiB').toFixed(0)} KiB RSS, ${pick('clientHeapPerServerKiB').toFixed(0)} KiB heap`,
);
console.log(`  server process (echo, Node)    ${pick('serverRssKiB').toFixed(0)} KiB RSS each`);
