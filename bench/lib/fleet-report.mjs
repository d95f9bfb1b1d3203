// Prints the fleet benchmark's figures beside the issue's targets (PASS / MISS), or its JSON.
import { availableParallelism } from 'node:os';

/** The issue's targets for the fleet, each judged from the run's figures. */
export const FLEET_TARGETS = [
  {
    name: 'connectAll, the HTTP servers alone',
    limit: '< 3000 ms',
    value: (r) => r.connect.httpAlone.ms,
    format: (v) => `${v.toFixed(0)} ms`,
    met: (v) => v < 3000,
  },
  {
    name: 'routed calls/s vs direct',
    limit: '≥ 0.80×',
    value: (r) => r.throughput.ratio,
    format: (v) => `${v.toFixed(2)}×`,
    met: (v) => v >= 0.8,
  },
  {
    name: 'routed p99 vs p50',
    limit: '< 5×',
    value: (r) => r.throughput.routed.p99Ms / r.throughput.routed.p50Ms,
    format: (v) => `${v.toFixed(2)}×`,
    met: (v) => v < 5,
  },
  {
    name: 'timers, first to last sample',
    limit: 'no growth',
    value: (r) => growth(r.long.samples, (s) => s.resources.Timeout ?? 0),
    format: (v) => `${v >= 0 ? '+' : ''}${v}`,
    // A health check in flight when a sample is taken holds a timer for its timeout: allow 1%.
    met: (v, r) => v <= Math.ceil(r.servers.total / 100),
  },
  {
    name: 'process listeners, first to last',
    limit: 'no growth',
    value: (r) => growth(r.long.samples, (s) => s.processListeners),
    format: (v) => `${v >= 0 ? '+' : ''}${v}`,
    met: (v) => v <= 0,
  },
  {
    name: 'live AbortSignals, first to last',
    limit: 'no growth',
    value: (r) => growth(r.long.samples, (s) => s.objects?.AbortSignal ?? NaN),
    format: (v) => `${v >= 0 ? '+' : ''}${v}`,
    met: (v, r) => v <= Math.ceil(r.servers.total / 100),
  },
  {
    name: 'health checks, peak bucket vs mean',
    limit: '≤ 3×',
    value: (r) => peakToMean(r.health),
    format: (v) => `${v.toFixed(2)}×`,
    met: (v) => v <= 3,
  },
  {
    name: 'listTools per tool, 5,000 vs 50 tools',
    limit: '≤ 2× (linear)',
    value: (r) => perToolGrowth(r.catalog, 'listUsPerTool'),
    format: (v) => `${v.toFixed(2)}×`,
    met: (v) => v <= 2,
  },
  {
    name: 'routed call, 5,000 vs 50 tools',
    limit: '≤ 2× (constant)',
    value: (r) => perToolGrowth(r.catalog, 'routedUs'),
    format: (v) => `${v.toFixed(2)}×`,
    met: (v) => v <= 2,
  },
  {
    name: 'failed calls',
    limit: 'none',
    value: (r) => r.throughput.failed + r.long.failed,
    format: (v) => String(v),
    met: (v) => v === 0,
  },
  {
    name: 'process warnings',
    limit: 'none',
    value: (r) => r.warnings.reduce((sum, w) => sum + w.count, 0),
    format: (v) => String(v),
    met: (v) => v === 0,
  },
];

function growth(samples, pick) {
  return samples.length < 2 ? 0 : pick(samples.at(-1)) - pick(samples[0]);
}

/**
 * The busiest bucket (the last, partial one aside) against the mean of the buckets from the
 * longest first wait after connectAll resolved (1 + jitter / 2 intervals: the jitter is centred
 * on the interval), when every server is checking, to the end.
 */
export function peakToMean({ counts, intervalMs, jitter = 0.5, bucketMs, connectedAtS, stalled = [] }) {
  const steadyFromMs = connectedAtS * 1000 + intervalMs * (1 + jitter / 2);
  const steady = counts.slice(Math.ceil(steadyFromMs / bucketMs), -1);
  if (steady.length === 0) return NaN;
  const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
  const skip = new Set(stalled);
  return Math.max(...counts.slice(0, -1).filter((_, i) => !skip.has(i))) / mean;
}

function perToolGrowth(rows, key) {
  const small = rows.find((row) => row.tools === 50);
  const large = rows.find((row) => row.tools === 5000);
  return small === undefined || large === undefined ? NaN : large[key] / small[key];
}

export function verdicts(result) {
  return FLEET_TARGETS.map((target) => {
    const value = target.value(result);
    const status = Number.isNaN(value) ? 'n/a' : target.met(value, result) ? 'PASS' : 'MISS';
    return { target: target.name, limit: target.limit, value, shown: Number.isNaN(value) ? 'n/a' : target.format(value), status };
  });
}

const f = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

/** Writes the report to stdout: a table, or `{ ...result, verdicts }` as JSON. */
export function printFleetReport(result, { json }) {
  const checks = verdicts(result);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...result, verdicts: checks }, null, 2)}\n`);
    return;
  }
  const { servers, connect, list, memory, throughput, long, health } = result;
  const out = [];
  out.push(
    `fleet at scale: ${servers.http} HTTP servers (${servers.serverProcesses} echo process${servers.serverProcesses > 1 ? 'es' : ''}) + ${servers.stdio} stdio servers, node ${result.node}`,
  );
  out.push(`  load average (1 min) during the run: ${result.load.map((l) => l.toFixed(1)).join(' → ')} on ${availableParallelism()} CPUs`);
  out.push('');
  const alone = connect.httpAlone;
  out.push(
    `connectAll          ${f(alone.ms)} ms for the ${servers.http} HTTP servers alone (${alone.connected} up; client CPU ${f(alone.cpuMs)} ms; ${f(alone.rssKiBPerServer)} KiB RSS, ${f(alone.heapKiBPerServer)} KiB heap per server)`,
  );
  out.push(
    `                    ${f(connect.allMs)} ms for all ${servers.total} (${connect.connected} up, ${connect.failed} failed); the slowest HTTP server of them ${f(connect.httpMs)} ms`,
  );
  out.push(`catalog             ${servers.tools} tools; first listTools ${f(list.firstMs)} ms, from the cache ${f(list.warmMs, 1)} ms`);
  out.push(`client memory       ${f(memory.rssKiBPerServer)} KiB RSS and ${f(memory.heapKiBPerServer)} KiB heap per server (after GC)`);
  out.push(`calls, ${result.args.width} in flight, median of ${result.args.rounds} rounds of ${result.args.seconds} s:`);
  for (const kind of ['routed', 'direct']) {
    const t = throughput[kind];
    out.push(
      `  ${kind.padEnd(8)} ${f(t.callsPerSec).padStart(7)} calls/s   p50 ${f(t.p50Ms, 1)} ms   p99 ${f(t.p99Ms, 1)} ms   client CPU ${f(t.cpuUsPerCall)} µs/call`,
    );
  }
  out.push(
    `  routed / direct per round: ${throughput.ratios.map((r) => r.toFixed(2)).join(', ')}; busiest echo process at ${f(throughput.serverCpu * 100)}% of a core`,
  );
  const failedNote = long.failed > 0 ? ` (${long.failed} failed, e.g. ${long.firstError})` : '';
  out.push(`long run            ${long.durationS} s, ${long.calls} routed calls${failedNote}; sampled with nothing in flight:`);
  out.push('  at s    timers  sockets  pipes  process listeners  AbortSignals  promises  heap MiB  rss MiB');
  for (const s of long.samples) {
    const r = s.resources;
    out.push(
      `  ${f(s.atS, 0).padStart(4)}  ${String(r.Timeout ?? 0).padStart(7)}  ${String(r.TCPSocketWrap ?? 0).padStart(7)}  ${String(r.PipeWrap ?? 0).padStart(5)}  ${String(s.processListeners).padStart(17)}  ${String(s.objects?.AbortSignal ?? '').padStart(12)}  ${String(s.objects?.Promise ?? '').padStart(8)}  ${f(s.heapMiB, 1).padStart(8)}  ${f(s.rssMiB, 0).padStart(7)}`,
    );
  }
  const perSecond = (count) => (count * 1000) / health.bucketMs;
  out.push(
    `health checks       every ${health.intervalMs / 1000} s a server (jitter ${result.args.healthJitter ?? 'the default'}); checks started per second, in ${health.bucketMs / 1000} s buckets from the start of connectAll (done at ${f(health.connectedAtS, 1)} s):`,
  );
  const stalled = new Set(health.stalled);
  out.push(`  ${health.counts.map((c, i) => (stalled.has(i) ? `(${f(perSecond(c))})` : f(perSecond(c)))).join(' ')}`);
  out.push('  (in brackets: buckets the bench stalled to count live objects, left out of the peak)');
  out.push(
    `  event-loop delay meanwhile: p99 ${f(health.loopDelayP99Ms)} ms, max ${f(health.loopDelayMaxMs)} ms (a stall fires every check due meanwhile at once)`,
  );
  if (result.catalog.length > 0) {
    out.push('catalog scale       in-memory servers of 10 tools, µs (medians):');
    out.push('   tools  servers  listTools  per tool  routed call  direct call  lookup  after a list_changed');
    for (const c of result.catalog) {
      out.push(
        `  ${String(c.tools).padStart(6)}  ${String(c.servers).padStart(7)}  ${f(c.listUs).padStart(9)}  ${f(c.listUsPerTool, 2).padStart(8)}  ${f(c.routedUs, 1).padStart(11)}  ${f(c.directUs, 1).padStart(11)}  ${f(c.lookupUs, 1).padStart(6)}  ${f(c.changedUs).padStart(20)}`,
      );
    }
  }
  out.push(`close               ${f(result.closeMs)} ms`);
  if (result.warnings.length > 0) for (const w of result.warnings) out.push(`warning ×${w.count}: ${w.warning}`);
  out.push('');
  out.push('targets (issue 17)');
  for (const c of checks) out.push(`  ${c.status.padEnd(4)}  ${c.target.padEnd(38)} ${c.shown.padStart(9)}   target ${c.limit}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
