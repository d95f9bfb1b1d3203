// Entry of every measured process: one client, one scenario, one JSON line of results on stdout.
// Usage (by run.mjs): node child.mjs '{"client":"raw","scenario":"sequential","options":{...},"server":{...}}'
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

// Process warnings (MaxListenersExceededWarning, deprecations...) are part of the result:
// a client that warns under load fails the "no warnings" target. Node still prints them.
// Grouped by kind, numbers masked: a leak repeats one warning with a growing count.
const warnings = new Map();
process.on('warning', (warning) => {
  const text = `${warning.name}: ${warning.message}`;
  const kind = text.replace(/\d+/g, 'N');
  const seen = warnings.get(kind);
  if (seen === undefined) warnings.set(kind, { kind, first: text, last: text, count: 1 });
  else Object.assign(seen, { last: text, count: seen.count + 1 });
});

const job = JSON.parse(process.argv[2]);
const scenario = await import(`./scenarios/${job.scenario}.mjs`);

const start = performance.now();
const client = await import(`./clients/${job.client}.mjs`);
await client.load?.(job.server.transport);
const importMs = performance.now() - start;

const result = await scenario.run(client, job.server, job.options);
await setImmediate(); // warnings are emitted on the next tick: let those of close() arrive
process.stdout.write(`${JSON.stringify({ importMs, ...result, warnings: [...warnings.values()] })}\n`);
