// gRPC beside Streamable HTTP, in one run: the same McpClient, the same server handlers (the
// official SDK's per-request 2026-07-28 handler of the dual-era test server, behind its gRPC face
// or its HTTP face), sequential and 256-concurrent echo calls. Reports calls/s and client CPU µs
// per call for each transport, and gRPC's ratio to HTTP.
//   node bench/grpc.mjs [--quick]       (after `pnpm build`)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { McpClient } from '@mcpx/core';
import { GrpcTransport } from '@mcpx/grpc';
import { StreamableHttpTransport } from '@mcpx/http';

const quick = process.argv.includes('--quick');
const seconds = quick ? 0.5 : 1.5;
const rounds = quick ? 3 : 5;
const SERVER = fileURLToPath(new URL('../packages/test-utils/src/dual-era-server/server.mjs', import.meta.url));

/** Starts a face of the dual-era test server; resolves with its port and a stop(). */
async function startServer(mode) {
  const child = spawn(process.execPath, [SERVER, mode, '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code})`)));
    createInterface({ input: child.stderr }).on('line', (line) => {
      const ready = /^listening on (\d+)$/.exec(line);
      if (ready) resolve(Number(ready[1]));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    port,
    // Resolves at once when the child has already exited (its 'exit' came before stop()).
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

const TRANSPORTS = {
  http: (port) => new StreamableHttpTransport(`http://127.0.0.1:${port}/mcp`),
  grpc: (port) => new GrpcTransport(`grpc://127.0.0.1:${port}`),
};

/** Calls `step` for `seconds`; returns the calls made, the client CPU and the wall time in µs. */
async function measure(step) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < seconds * 1000) calls += await step();
  const used = process.cpuUsage(cpu);
  return { calls, cpuUs: used.user + used.system, wallUs: (performance.now() - started) * 1000 };
}

const SCENARIOS = {
  sequential: (client) => async () => {
    await client.callTool('echo', { message: 'hi' });
    return 1;
  },
  concurrent: (client) => async () => {
    await Promise.all(Array.from({ length: 256 }, (_, i) => client.callTool('echo', { message: `hi ${i}` })));
    return 256;
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, transport] of Object.entries(TRANSPORTS)) {
    const server = await startServer(name);
    const client = new McpClient({ name: 'mcpx-bench', era: 'modern', eraCache: false });
    try {
      await client.connect(transport(server.port));
      for (const [scenario, make] of Object.entries(SCENARIOS)) {
        const step = make(client);
        for (let i = 0; i < 20; i++) await step();
        const { calls, cpuUs, wallUs } = await measure(step);
        const key = `${scenario} ${name}`;
        (results[key] ??= []).push({ callsPerSec: calls / (wallUs / 1e6), cpuUsPerCall: cpuUs / calls });
      }
    } finally {
      await client.close();
      await server.stop();
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds} done\n`);
}

console.log('scenario     transport   calls/s   client CPU µs/call');
for (const scenario of Object.keys(SCENARIOS)) {
  const row = {};
  for (const name of Object.keys(TRANSPORTS)) {
    const samples = results[`${scenario} ${name}`];
    row[name] = { callsPerSec: median(samples.map((s) => s.callsPerSec)), cpuUsPerCall: median(samples.map((s) => s.cpuUsPerCall)) };
    console.log(
      `${scenario.padEnd(12)} ${name.padEnd(9)} ${row[name].callsPerSec.toFixed(0).padStart(9)}   ${row[name].cpuUsPerCall.toFixed(0).padStart(8)}`,
    );
  }
  const ratio = (key) => (row.grpc[key] / row.http[key]).toFixed(2);
  console.log(`${scenario.padEnd(12)} grpc/http  ${ratio('callsPerSec').padStart(8)}×   ${ratio('cpuUsPerCall').padStart(7)}×`);
}
