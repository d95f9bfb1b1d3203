// The command line's cold start: `mcpx tools` on one stdio echo server (a JSON config in a scratch
// folder) and `mcpx --version`, each a fresh process, beside the library's cold start (import,
// connect, list tools, exit: the `cold` scenario's processes) for the raw loop, the official client
// and mcpx, and `node -e 0` (Node's own start). The processes are interleaved and each figure is
// the median of the runs: wall time from spawn until the process and its pipes are closed, and the
// CPU time of the measured process itself (not of the server it starts). `--baseline=<checkout>`
// adds the CLI rows of another built checkout (a scratch worktree of main), so a change is judged
// against its baseline in one session. See README.md ("Command line start").
//
//   pnpm build && node bench/cli-start.mjs [--runs=20] [--baseline=/tmp/base]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { env } from './lib/run-child.mjs';
import { serverFor } from './lib/servers.mjs';
import { median } from './lib/stats.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, baseline: { type: 'string' } } });
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`cli-start: --runs must be a positive integer, not "${values.runs}"`);
const baseline = values.baseline === undefined ? undefined : resolve(values.baseline);
/** Longest a measured process may take before the run stops with an error. */
const PROCESS_TIMEOUT_MS = 60_000;

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'mcpx-cli-start-'));
// The stdio echo server as run.mjs's clients reach it (each spawns its own).
const { server } = await serverFor('stdio').start(env);
const config = join(scratch, 'mcpx.json');
writeFileSync(config, JSON.stringify({ mcpServers: { echo: { command: server.command, args: server.args } } }));
// Loaded before the measured program: writes the process's own CPU time to file descriptor 3 as it exits.
const preload = join(scratch, 'cpu.mjs');
writeFileSync(
  preload,
  `import { writeSync } from 'node:fs';
process.on('exit', () => {
  const used = process.cpuUsage();
  // Outside cli-start.mjs (no descriptor 3) there is nowhere to write it; the runner checks it got a figure.
  try { writeSync(3, String((used.user + used.system) / 1000)); } catch {}
});
`,
);

const child = (client) => [join(root, 'bench', 'child.mjs'), JSON.stringify({ client, scenario: 'cold', options: {}, server })];
const cli = (checkout, args) => [join(checkout, 'packages', 'cli', 'dist', 'bin.js'), ...args];
const variants = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'raw (library)', args: child('raw') },
  { name: 'official (library)', args: child('official') },
  { name: 'mcpx (library)', args: child('mcpx') },
  { name: 'mcpx --version', args: cli(root, ['--version']) },
  { name: 'mcpx tools', args: cli(root, ['-c', config, 'tools']) },
  ...(baseline === undefined
    ? []
    : [
        { name: 'baseline --version', args: cli(baseline, ['--version']) },
        { name: 'baseline tools', args: cli(baseline, ['-c', config, 'tools']) },
      ]),
];

/** One fresh process of `variant`: its wall and CPU milliseconds. */
function measure(variant) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [`--import=${pathToFileURL(preload).href}`, ...variant.args], {
    cwd: scratch,
    // The environment of run.mjs's measured processes (without NODE_OPTIONS and NODE_EXTRA_CA_CERTS).
    env: { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: PROCESS_TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  if (result.error !== undefined) throw new Error(`cli-start: "${variant.name}" failed: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `cli-start: "${variant.name}" exited with ${result.status ?? result.signal}: ${result.stderr.trim() || result.stdout.trim()}`,
    );
  }
  const cpuMs = Number(result.output[3]);
  if (result.output[3] === '' || !Number.isFinite(cpuMs)) throw new Error(`cli-start: "${variant.name}" did not report its CPU time`);
  return { wallMs, cpuMs };
}

try {
  const samples = new Map(variants.map((variant) => [variant.name, []]));
  const loadBefore = loadavg()[0];
  for (const variant of variants) measure(variant); // a first run of each, not counted: the files are read from disk once
  for (let run = 0; run < runs; run++) for (const variant of variants) samples.get(variant.name).push(measure(variant));
  const rawWallMs = median(samples.get('raw (library)').map((s) => s.wallMs));
  console.log(
    `command line start, ${runs} fresh processes each, interleaved; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`,
  );
  for (const [name, taken] of samples) {
    const wallMs = median(taken.map((s) => s.wallMs));
    const cpuMs = median(taken.map((s) => s.cpuMs));
    console.log(
      `${name.padEnd(20)} wall ${wallMs.toFixed(1).padStart(7)} ms   cpu ${cpuMs.toFixed(1).padStart(7)} ms   wall vs raw ${(wallMs / rawWallMs).toFixed(2)}x`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
