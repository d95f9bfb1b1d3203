// Runs child.mjs for one (client, scenario) job and times the process from spawn to exit.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const childPath = fileURLToPath(new URL('../child.mjs', import.meta.url));

// Variables that change how long any Node process takes to start (NODE_EXTRA_CA_CERTS alone
// adds ~30 ms here). The official transport drops them for its server and ours would not,
// which would bill a client for the server's start-up: drop them for every process instead.
export const env = { ...process.env };
for (const name of ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS']) delete env[name];

/** `profileDir`: run the child under `--cpu-prof`, writing its `.cpuprofile` there. */
export function runChild(job, { timeoutMs = 120_000, profileDir } = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const profile =
      profileDir === undefined
        ? []
        : [
            '--cpu-prof',
            `--cpu-prof-dir=${profileDir}`,
            `--cpu-prof-name=${job.client}-${job.server.transport}-${job.scenario}-${Date.now()}.cpuprofile`,
          ];
    // --expose-gc: the memory scenario collects garbage before reading the process's memory.
    const child = spawn(process.execPath, ['--expose-gc', ...profile, childPath, JSON.stringify(job)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let processMs = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => (processMs = Number(process.hrtime.bigint() - start) / 1e6));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop();
      if (code === 0 && line) return resolve({ ok: true, result: { processMs, ...JSON.parse(line) } });
      const why = signal ? `killed by ${signal} (timeout ${timeoutMs} ms?)` : `exit code ${code}`;
      resolve({ ok: false, error: `${why}: ${firstError(stderr)}` });
    });
  });
}

function firstError(stderr) {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const error = lines.find((l) => /Error|error:/.test(l)) ?? lines[0] ?? '(no stderr)';
  return error.trim().slice(0, 300);
}
