// Entry of every measured process: one client, one scenario, one JSON line of results on stdout.
// Usage (by run.mjs): node child.mjs '{"client":"raw","scenario":"sequential","options":{...},"server":{...}}'
import { performance } from 'node:perf_hooks';

const job = JSON.parse(process.argv[2]);
const scenario = await import(`./scenarios/${job.scenario}.mjs`);

const start = performance.now();
const client = await import(`./clients/${job.client}.mjs`);
const importMs = performance.now() - start;

const result = await scenario.run(client, job.server, job.options);
process.stdout.write(`${JSON.stringify({ importMs, ...result })}\n`);
