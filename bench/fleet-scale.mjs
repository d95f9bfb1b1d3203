// The fleet at scale (issue 17): 500 Streamable HTTP servers (paths of one echo process) and 50
// stdio servers in one McpRegistry. Measures connectAll, client memory per server, routed
// callTool throughput with 1,000 calls in flight against the same calls made directly on the
// clients, timers and listeners over a longer run, the health-check load over time, and the
// catalog at 50, 500 and 5,000 tools. Prints every figure beside its target.
// Usage: node --expose-gc bench/fleet-scale.mjs [--quick] [--duration=300] [--json] (see README)
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseFleetArgs } from './lib/fleet-args.mjs';
import { measureCatalog } from './lib/fleet-catalog.mjs';
import { buildFleet } from './lib/fleet-fleet.mjs';
import { closedLoop } from './lib/fleet-load.mjs';
import { bucketCounter, collectWarnings, sample } from './lib/fleet-probes.mjs';
import { printFleetReport } from './lib/fleet-report.mjs';
import { processCpuMs, startHttpFleet } from './lib/fleet-servers.mjs';
import { median } from './lib/stats.mjs';

const args = parseFleetArgs(process.argv.slice(2));
const log = (line) => process.stderr.write(`${line}\n`);
const warnings = collectWarnings();
const load = [loadavg()[0]];

const http = await startHttpFleet({ count: args.http, processes: args.serverProcesses, tools: args.tools });

// The HTTP servers alone first: the connectAll target is theirs, apart from 50 process starts.
log(`fleet: connecting the ${args.http} HTTP servers alone...`);
const httpOnly = await connectAlone(http.urls);

// Health checks, counted as each starts, from the moment the fleet starts connecting (their
// timers start at connect).
const bucketMs = args.healthInterval / 5;
let checks;

globalThis.gc?.();
const memoryBefore = process.memoryUsage();
const { registry, names } = buildFleet({
  urls: http.urls,
  stdio: args.stdio,
  healthIntervalMs: args.healthInterval,
  healthJitter: args.healthJitter,
  onCheck: () => checks.add(),
});
const total = names.length;
checks = bucketCounter(bucketMs, Date.now());

// Event-loop stalls (a loaded machine descheduling the process, a long GC) fire every timer due
// meanwhile at once: shown beside the health-check load, which they clump.
const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();

log(`fleet: connecting ${args.http} HTTP + ${args.stdio} stdio servers...`);
const t0 = performance.now();
const report = await registry.connectAll();
const connectAllMs = performance.now() - t0;
const connectedAtS = connectAllMs / 1000;
const httpOutcomes = report.outcomes.filter((o) => o.server.startsWith('http-'));
const connect = {
  allMs: connectAllMs,
  httpAlone: httpOnly,
  httpMs: Math.max(...httpOutcomes.map((o) => o.durationMs)),
  connected: report.connected.length,
  failed: report.failed.length,
};
if (report.failed.length > 0)
  log(`fleet: ${report.failed.length} servers failed to connect, e.g. ${report.outcomes.find((o) => !o.ok)?.error?.message}`);

const t1 = performance.now();
const catalog = await registry.listTools();
const firstListMs = performance.now() - t1;
const t2 = performance.now();
await registry.listTools();
const warmListMs = performance.now() - t2;

globalThis.gc?.();
const memoryAfter = process.memoryUsage();
const memory = {
  rssKiBPerServer: (memoryAfter.rss - memoryBefore.rss) / 1024 / total,
  heapKiBPerServer: (memoryAfter.heapUsed - memoryBefore.heapUsed) / 1024 / total,
};

// Routed calls by qualified name against the same calls on the clients, in alternating order.
const clients = names.map((name) => registry.get(name).client);
// Qualified names made once, as a host gets them (flat strings from a model's JSON): a name
// concatenated on each call would bill the bench's string building to the routed side.
const qualified = names.map((name) => `${name}__echo`);
const routed = (n) => registry.callTool(qualified[n % total], { text: 'hi' });
const direct = (n) => clients[n % total].callTool('echo', { text: 'hi' });
const phase = async (kind) => {
  const cpu0 = http.pids.map(processCpuMs);
  const own0 = process.cpuUsage();
  const w0 = performance.now();
  const result = await closedLoop(kind === 'routed' ? routed : direct, { width: args.width, durationMs: args.seconds * 1000 });
  const wallMs = performance.now() - w0;
  const own = process.cpuUsage(own0);
  const serverCpu = Math.max(...http.pids.map((pid, i) => (processCpuMs(pid) - cpu0[i]) / wallMs));
  return { ...result, serverCpu, cpuUsPerCall: (own.user + own.system) / result.calls };
};
log(`fleet: ${args.rounds} rounds of routed and direct calls, ${args.width} in flight, ${args.seconds} s each...`);
await closedLoop(routed, { width: args.width, durationMs: 1000 });
await closedLoop(direct, { width: args.width, durationMs: 1000 });
const rounds = [];
for (let r = 0; r < args.rounds; r++) {
  const order = r % 2 === 0 ? ['routed', 'direct'] : ['direct', 'routed'];
  const round = {};
  for (const kind of order) {
    round[kind] = await phase(kind);
    if (round[kind].failed > 0) log(`fleet: ${round[kind].failed} ${kind} calls failed, e.g. ${round[kind].firstError}`);
  }
  rounds.push(round);
  load.push(loadavg()[0]);
}
const medians = (kind) => ({
  callsPerSec: median(rounds.map((r) => r[kind].callsPerSec)),
  p50Ms: median(rounds.map((r) => r[kind].p50Ms)),
  p99Ms: median(rounds.map((r) => r[kind].p99Ms)),
  cpuUsPerCall: median(rounds.map((r) => r[kind].cpuUsPerCall)),
});
const throughput = {
  routed: medians('routed'),
  direct: medians('direct'),
  ratio: median(rounds.map((r) => r.routed.callsPerSec / r.direct.callsPerSec)),
  ratios: rounds.map((r) => r.routed.callsPerSec / r.direct.callsPerSec),
  serverCpu: Math.max(...rounds.flatMap((r) => [r.routed.serverCpu, r.direct.serverCpu])),
  failed: rounds.reduce((sum, r) => sum + r.routed.failed + r.direct.failed, 0),
};

// The long run: routed calls (a tenth of the width in flight) in stretches, sampled between
// them while nothing is in flight, so that what stays is what the fleet holds, not the calls.
const samples = [];
const stretchMs = (args.duration * 1000) / 10;
const longStarted = performance.now();
log(`fleet: ${args.duration} s of routed calls, sampling timers and listeners every ${stretchMs / 1000} s...`);
// Live objects are counted at the start and the end only: each count stalls the process.
samples.push(await checks.during(() => sample(0, { objects: true })));
let longCalls = 0;
const failures = { count: 0, first: undefined };
const noteFailures = (result) => {
  failures.count += result.failed;
  failures.first ??= result.firstError;
};
while (performance.now() - longStarted < args.duration * 1000) {
  const result = await closedLoop(routed, { width: Math.max(1, Math.round(args.width / 10)), durationMs: stretchMs });
  longCalls += result.calls;
  noteFailures(result);
  samples.push(await sample((performance.now() - longStarted) / 1000));
}
samples.push(await checks.during(() => sample((performance.now() - longStarted) / 1000, { objects: true })));
load.push(loadavg()[0]);

const t3 = performance.now();
await registry.close({ deadlineMs: 5000 });
const closeMs = performance.now() - t3;
await http.stop();
loopDelay.disable();
const health = {
  bucketMs,
  intervalMs: args.healthInterval,
  // The registry's default jitter (0.5: each wait 0.75 to 1.25 of the interval) unless given.
  jitter: args.healthJitter ?? 0.5,
  connectedAtS,
  counts: checks.counts(),
  // Buckets stalled by the bench's own heap counts, left out of the peak.
  stalled: checks.stalled(),
  loopDelayMaxMs: loopDelay.max / 1e6,
  loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
};

const catalogRows = args.catalog
  ? (log('fleet: the catalog at 50, 500 and 5,000 tools...'), await measureCatalog({ quick: args.quick }))
  : [];
load.push(loadavg()[0]);

/** Connects `urls` alone in a registry of their own; resolves with the time it took and the client memory per server. */
async function connectAlone(urls) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const alone = buildFleet({ urls, stdio: 0, healthIntervalMs: args.healthInterval });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await alone.registry.connectAll();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  globalThis.gc?.();
  const after = process.memoryUsage();
  await alone.registry.close({ deadlineMs: 5000 });
  return {
    ms,
    cpuMs: (user + system) / 1000,
    connected: outcome.connected.length,
    rssKiBPerServer: (after.rss - before.rss) / 1024 / urls.length,
    heapKiBPerServer: (after.heapUsed - before.heapUsed) / 1024 / urls.length,
  };
}

printFleetReport(
  {
    args,
    servers: { http: args.http, stdio: args.stdio, total, tools: catalog.tools.length, serverProcesses: args.serverProcesses },
    connect,
    list: { firstMs: firstListMs, warmMs: warmListMs },
    memory,
    throughput,
    long: { durationS: args.duration, calls: longCalls, failed: failures.count, firstError: failures.first, samples },
    health,
    closeMs,
    catalog: catalogRows,
    warnings: warnings(),
    load,
    node: process.version,
  },
  { json: args.json },
);
