// Times what a stdio user imports (`@mcpx/core` + `@mcpx/stdio`, built dist) against the raw
// loop's import, each in a fresh process, many times, the processes interleaved, with CPU time
// beside wall time (CPU moves less with the neighbours' load). `--baseline=<checkout>` adds the
// same import from another built checkout of the repository (a scratch worktree of main), so a
// change is judged against its baseline in one session. See README.md.
//
// node bench/import-time.mjs [--runs=30] [--baseline=/tmp/base]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { runs: 30, baseline: undefined };
for (const arg of process.argv.slice(2)) {
  const [key, value = ''] = arg.replace(/^--/, '').split('=');
  if (key === 'runs') options.runs = Number(value);
  else if (key === 'baseline') options.baseline = value;
  else throw new Error(`import-time: unknown option --${key} (known: --runs, --baseline)`);
}

/** The modules one variant imports, in order, as file URLs. */
const mcpx = (checkout) =>
  ['packages/core/dist/index.js', 'packages/stdio/dist/index.js'].map((file) => pathToFileURL(checkout + '/' + file).href);
const variants = [
  { name: 'raw', modules: [pathToFileURL(root + 'bench/clients/raw/stdio.mjs').href] },
  { name: 'mcpx', modules: mcpx(root) },
  ...(options.baseline === undefined ? [] : [{ name: 'mcpx (baseline)', modules: mcpx(options.baseline) }]),
];

// One fresh process: imports the modules and prints the wall and CPU milliseconds it took.
const probe = `
const { performance } = await import('node:perf_hooks');
const cpu = process.cpuUsage();
const start = performance.now();
for (const url of JSON.parse(process.argv[1])) await import(url);
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));
`;

const samples = new Map(variants.map((variant) => [variant.name, []]));
const loadBefore = loadavg()[0];
for (let run = 0; run < options.runs; run++) {
  for (const variant of variants) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe, JSON.stringify(variant.modules)], {
      encoding: 'utf8',
    });
    samples.get(variant.name).push(JSON.parse(output));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rawCpu = median(samples.get('raw').map((s) => s.cpuMs));
console.log(
  `import time, ${options.runs} fresh processes each, interleaved; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`,
);
for (const [name, runs] of samples) {
  const wall = median(runs.map((s) => s.wallMs));
  const cpu = median(runs.map((s) => s.cpuMs));
  console.log(
    `${name.padEnd(16)} wall ${wall.toFixed(1).padStart(6)} ms   cpu ${cpu.toFixed(1).padStart(6)} ms   cpu vs raw ${(cpu / rawCpu).toFixed(2)}x`,
  );
}
