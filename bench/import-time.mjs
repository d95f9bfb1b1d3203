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
const options = { runs: 30, baseline: undefined, connect: false };
for (const arg of process.argv.slice(2)) {
  const [key, value = ''] = arg.replace(/^--/, '').split('=');
  if (key === 'runs') options.runs = Number(value);
  else if (key === 'baseline') options.baseline = value;
  else if (key === 'connect') options.connect = true;
  else throw new Error(`import-time: unknown option --${key} (known: --runs, --baseline, --connect)`);
}

/** The modules one variant imports, in order, as file URLs. */
const mcpx = (checkout) =>
  ['packages/core/dist/index.js', 'packages/stdio/dist/index.js'].map((file) => pathToFileURL(checkout + '/' + file).href);
const variants = [
  { name: 'raw', kind: 'raw', modules: [pathToFileURL(root + 'bench/clients/raw/stdio.mjs').href] },
  { name: 'mcpx', kind: 'mcpx', modules: mcpx(root) },
  ...(options.baseline === undefined ? [] : [{ name: 'mcpx (baseline)', kind: 'mcpx', modules: mcpx(options.baseline) }]),
];
const server = { transport: 'stdio', command: process.execPath, args: [fileURLToPath(new URL('servers/echo-stdio.mjs', import.meta.url))] };

// One fresh process: imports the modules and prints the wall and CPU milliseconds it took; with a
// server, then connects to it (and closes), timing the connect the same way.
const probe = `
const { performance } = await import('node:perf_hooks');
const [urls, kind, server] = JSON.parse(process.argv[1]);
const cpu = process.cpuUsage();
const start = performance.now();
const loaded = [];
for (const url of urls) loaded.push(await import(url));
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
const result = { wallMs, cpuMs: (used.user + used.system) / 1000 };
if (server !== null) {
  const connectCpu = process.cpuUsage();
  const connectStart = performance.now();
  let close;
  if (kind === 'raw') {
    close = (await loaded[0].connect(server)).close;
  } else {
    const client = new loaded[0].McpClient({ name: 'import-time' });
    await client.connect(new loaded[1].StdioTransport({ command: server.command, args: server.args }));
    close = () => client.close();
  }
  result.connectWallMs = performance.now() - connectStart;
  const connectUsed = process.cpuUsage(connectCpu);
  result.connectCpuMs = (connectUsed.user + connectUsed.system) / 1000;
  await close();
}
process.stdout.write(JSON.stringify(result));
`;

const samples = new Map(variants.map((variant) => [variant.name, []]));
const loadBefore = loadavg()[0];
for (let run = 0; run < options.runs; run++) {
  for (const variant of variants) {
    const job = [variant.modules, variant.kind, options.connect ? server : null];
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe, JSON.stringify(job)], {
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
  if (!options.connect) continue;
  const connectWall = median(runs.map((s) => s.connectWallMs));
  const connectCpu = median(runs.map((s) => s.connectCpuMs));
  const bothCpu = median(runs.map((s) => s.cpuMs + s.connectCpuMs));
  console.log(
    `${''.padEnd(16)} connect: wall ${connectWall.toFixed(1).padStart(6)} ms   cpu ${connectCpu.toFixed(1).padStart(6)} ms   import + connect cpu ${bothCpu.toFixed(1)} ms`,
  );
}
