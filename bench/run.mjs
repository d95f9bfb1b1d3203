// Runs every selected client against every selected scenario, round-robin, for each selected
// transport, and reports medians and ratios against the raw JSON-RPC loop. See README.md.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from './lib/args.mjs';
import { CLIENTS, runsOver } from './lib/clients.mjs';
import { printReport } from './lib/report.mjs';
import { env, runChild } from './lib/run-child.mjs';
import { TRANSPORTS, serverFor } from './lib/servers.mjs';
import { ratios, summarize, verdicts } from './lib/summary.mjs';
import * as sequential from './scenarios/sequential.mjs';
import * as concurrent from './scenarios/concurrent.mjs';
import * as cold from './scenarios/cold.mjs';
import * as large from './scenarios/large.mjs';
import * as memory from './scenarios/memory.mjs';

const SCENARIOS = { sequential, concurrent, large, memory, cold };
/** Scenarios that apply to some transports only (memory per connection is measured over stdio). */
const SCENARIO_ONLY_ON = { memory: ['stdio'] };

const log = (line) => process.stderr.write(`${line}\n`);
let args;
try {
  args = parseArgs(process.argv.slice(2), { clients: CLIENTS, scenarios: Object.keys(SCENARIOS), transports: TRANSPORTS });
} catch (error) {
  log(error.message);
  process.exit(2);
}
const rounds = args.rounds ?? (args.quick ? 3 : 5);

const scenarios = {};
for (const name of args.scenarios) {
  const { title, metrics, options } = SCENARIOS[name];
  scenarios[name] = { title, metrics, chosen: args.quick ? options.quick : options.full };
}

/** Runs the whole benchmark over one transport and returns its report. */
async function runTransport(transport) {
  const clients = args.clients.filter((c) => runsOver(c, transport));
  const names = args.scenarios.filter((s) => SCENARIO_ONLY_ON[s] === undefined || SCENARIO_ONLY_ON[s].includes(transport));
  const chosen = Object.fromEntries(names.map((s) => [s, scenarios[s]]));
  const load = [];
  const server = serverFor(transport);
  const failures = {};
  const samples = Object.fromEntries(names.map((s) => [s, Object.fromEntries(clients.map((c) => [c, []]))]));
  // warnings[client][kind] = { processes, emitted, scenarios, first, last }
  const warnings = Object.fromEntries(clients.map((c) => [c, {}]));
  const live = () => clients.filter((c) => failures[c] === undefined);

  async function job(client, scenario, options) {
    let started;
    try {
      started = await server.start(env);
    } catch (error) {
      return { ok: false, error: error.message };
    }
    try {
      const outcome = await runChild({ client, scenario, options, server: started.server }, { profileDir: args.profile });
      for (const { kind, first, last, count } of outcome.ok ? outcome.result.warnings : []) {
        const seen = (warnings[client][kind] ??= { processes: 0, emitted: 0, scenarios: [], first, last });
        seen.processes++;
        seen.emitted += count;
        seen.last = last;
        if (!seen.scenarios.includes(scenario)) seen.scenarios.push(scenario);
      }
      return outcome;
    } finally {
      await started.stop();
    }
  }

  // One unmeasured cold start per client: warms the disk cache and finds a broken client early.
  for (const client of clients) {
    const outcome = await job(client, 'cold', {});
    if (!outcome.ok) failures[client] = `smoke test: ${outcome.error}`;
    log(`${transport} smoke ${client}: ${outcome.ok ? 'ok' : failures[client]}`);
  }

  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    for (const scenario of names) {
      // Rotate the order each round, so no client always runs first (or right after another).
      const running = live();
      const order = running.map((_, i) => running[(i + round) % running.length]);
      for (const client of order) {
        for (let k = 0; k < (scenarios[scenario].chosen.perRound ?? 1); k++) {
          const outcome = await job(client, scenario, scenarios[scenario].chosen);
          if (!outcome.ok) {
            failures[client] = `${scenario}: ${outcome.error}`;
            break;
          }
          samples[scenario][client].push({ ...outcome.result, round });
        }
      }
    }
    load.push(loadavg()[0]);
    log(
      `${transport} round ${round + 1}/${rounds} done in ${((Date.now() - started) / 1000).toFixed(1)} s, load average ${load.at(-1).toFixed(2)}`,
    );
  }

  const stats = summarize(samples, chosen);
  const loadText = load.map((l) => l.toFixed(1)).join(', ');
  const header = `mcpx bench: ${transport}, ${rounds} rounds (ratios: medians of per-round ratios), node ${process.version}, ${cpus().length} CPUs, load average after each round ${loadText}`;
  const ran = clients.filter((c) => failures[c] === undefined);
  return {
    transport,
    header,
    load,
    clients,
    scenarios: chosen,
    stats,
    verdicts: verdicts(transport, stats, warnings, ran),
    warnings,
    failures,
    samples,
  };
}

if (args.profile !== undefined)
  log(`profiling every process into ${args.profile}: the figures of this run are inflated, do not compare them`);
const reports = [];
for (const transport of args.transports) reports.push(await runTransport(transport));

if (args.json) {
  const runs = reports.map((r) => ({
    ...r,
    scenarios: Object.fromEntries(Object.entries(r.scenarios).map(([n, s]) => [n, { title: s.title, options: s.chosen }])),
    ratios: ratios(r.transport, r.stats, r.scenarios),
  }));
  // One transport: the run itself, as before; several: an array of runs.
  console.log(JSON.stringify(runs.length === 1 ? runs[0] : runs, null, 2));
} else {
  for (const [i, report] of reports.entries()) {
    if (i > 0) console.log('');
    printReport(report);
  }
}
