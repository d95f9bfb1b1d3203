// What the era probe costs: the time of McpClient.connect() over stdio, each connection spawning
// its server, with the era detected (the server/discover probe, no era cache), pinned
// (era: 'legacy') and detected once then remembered (a warm era cache). Two servers:
// server-everything, a legacy server that answers the probe with -32601, and the test-utils
// legacy server that exits on it (so the probe costs a second start). Medians of the rounds.
// Not part of the test suite. Usage: node bench/era-probe.mjs [--rounds=15]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EraCache, McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.split('=')[1] ?? 15);
// The examples depend on server-everything; the bench resolves it from there.
const examples = createRequire(new URL('../examples/package.json', import.meta.url));
const everything = join(dirname(examples.resolve('@modelcontextprotocol/server-everything/package.json')), 'dist/index.js');
const strict = fileURLToPath(new URL('../packages/test-utils/src/fault-servers/legacy-server.mjs', import.meta.url));
const servers = {
  'server-everything': { command: process.execPath, args: [everything, 'stdio'] },
  'exits on the probe': { command: process.execPath, args: [strict, '--on-unknown=exit'] },
};

/** Milliseconds of one connect(). */
async function connectMs(server, options) {
  const client = new McpClient(options);
  const started = performance.now();
  await client.connect(() => new StdioTransport(server));
  const elapsed = performance.now() - started;
  await client.close();
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [name, server] of Object.entries(servers)) {
  const cache = new EraCache();
  const modes = { probe: { eraCache: false }, pinned: { era: 'legacy', eraCache: false }, remembered: { eraCache: cache } };
  await connectMs(server, modes.remembered); // warms the era cache and the file system
  const samples = { probe: [], pinned: [], remembered: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [mode, options] of Object.entries(modes)) samples[mode].push(await connectMs(server, options));
  }
  const cells = Object.entries(samples).map(([mode, list]) => `${mode} ${median(list).toFixed(1)} ms`);
  console.log(`${name.padEnd(20)} ${cells.join('   ')}`);
}
