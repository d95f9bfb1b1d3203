// Runs every selected client against every selected scenario in one run, round-robin,
// and reports medians and ratios against the raw JSON-RPC loop. See README.md.
import { cpus } from 'node:os';
import { parseArgs } from './lib/args.mjs';
import { printReport } from './lib/report.mjs';
import { runChild } from './lib/run-child.mjs';
import { serverFor } from './lib/servers.mjs';
import { ratios, summarize, verdicts } from './lib/summary.mjs';
import * as sequential from './scenarios/sequential.mjs';
import * as concurrent from './scenarios/concurrent.mjs';
import * as cold from './scenarios/cold.mjs';

const CLIENTS = ['raw', 'official', 'mcpx'];
const SCENARIOS = { sequential, concurrent, cold };

const log = (line) => process.stderr.write(`${line}\n`);
let args, server;
try {
  args = parseArgs(process.argv.slice(2), { clients: CLIENTS, scenarios: Object.keys(SCENARIOS) });
  server = serverFor(args.transport);
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

const failures = {};
const samples = Object.fromEntries(args.scenarios.map((s) => [s, Object.fromEntries(args.clients.map((c) => [c, []]))]));
const live = () => args.clients.filter((c) => failures[c] === undefined);

async function sample(client, scenario) {
  const outcome = await runChild({ client, scenario, options: scenarios[scenario].chosen, server });
  if (outcome.ok) samples[scenario][client].push(outcome.result);
  else failures[client] = `${scenario}: ${outcome.error}`;
  return outcome.ok;
}

// One unmeasured cold start per client: warms the disk cache and finds a broken client early.
for (const client of args.clients) {
  const outcome = await runChild({ client, scenario: 'cold', options: {}, server });
  if (!outcome.ok) failures[client] = `smoke test: ${outcome.error}`;
  log(`smoke ${client}: ${outcome.ok ? 'ok' : failures[client]}`);
}

for (let round = 0; round < rounds; round++) {
  const started = Date.now();
  for (const scenario of args.scenarios) {
    // Rotate the order each round, so no client always runs first (or right after another).
    const clients = live();
    const order = clients.map((_, i) => clients[(i + round) % clients.length]);
    for (const client of order) {
      for (let k = 0; k < (scenarios[scenario].chosen.perRound ?? 1); k++) {
        if (!(await sample(client, scenario))) break;
      }
    }
  }
  log(`round ${round + 1}/${rounds} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const stats = summarize(samples, scenarios);
const header = `mcpx bench: ${args.transport}, ${rounds} rounds (medians), node ${process.version}, ${cpus().length} CPUs`;
const report = { header, scenarios, clients: args.clients, stats, verdicts: verdicts(stats), failures };
if (args.json) {
  const chosen = Object.fromEntries(Object.entries(scenarios).map(([n, s]) => [n, { title: s.title, options: s.chosen }]));
  console.log(JSON.stringify({ ...report, scenarios: chosen, ratios: ratios(stats, scenarios), samples }, null, 2));
} else {
  printReport(report);
}
