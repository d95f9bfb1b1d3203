// CPU instructions a call, counted rather than timed: each client runs its calls in a process of
// its own under valgrind's callgrind, whose count is the same from one run to the next whatever
// the neighbours do (to about 1% here, calls one at a time), where the timed scenarios of run.mjs spread by 10 to 30%
// on a shared 2-core machine. A small change (a few hundred instructions a call) shows here
// and nowhere else. V8 runs `--predictable` so that the count repeats: one thread, the garbage
// collector's work counted on it (and not split over helper threads as it is in production).
// What it does not see: the kernel's work (syscalls, loopback TCP) and cache misses. See
// README.md ("Instructions a call").
//
//   node bench/instructions.mjs [--client=raw,raw-modern,mcpx] [--transport=http] [--width=1]
//                               [--calls=3000] [--warmup=3000]
//
// Each client is run twice, with `--warmup` calls and then `--calls` more, or `--calls` × 4 more;
// the difference of the two counts divided by the difference of the calls is the figure, so
// that starting, connecting and warming up cancel out. `--width` is the number of calls in flight.
// Needs valgrind (Debian: apt-get install valgrind); about a minute a client over HTTP.
//
// (Internally: `--drive` makes this script the measured process: it starts the HTTP echo server
// as a child, which valgrind does not follow, connects the client and makes the calls.)
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLIENTS, CLIENT_ONLY_ON, runsOver } from './lib/clients.mjs';
import { env } from './lib/run-child.mjs';
import { serverFor, TRANSPORTS } from './lib/servers.mjs';

/** The clients counted: not the `-group` ones, which differ from theirs only in the server's process group (the kernel's work). */
const MEASURABLE = CLIENTS.filter((name) => !name.endsWith('-group'));

/** A failure the user can act on: printed as its message, without a stack. */
class BenchError extends Error {}

try {
  await main();
} catch (error) {
  console.error(`instructions: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 2;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        client: { type: 'string', default: 'raw,raw-modern,mcpx' },
        transport: { type: 'string', default: 'http' },
        width: { type: 'string', default: '1' },
        calls: { type: 'string', default: '3000' },
        warmup: { type: 'string', default: '3000' },
        drive: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new BenchError(`${error.message} (known: --client= --transport= --width= --calls= --warmup=)`);
  }
  const settings = {
    transport: values.transport,
    width: whole('width', values.width),
    calls: whole('calls', values.calls),
    warmup: whole('warmup', values.warmup),
  };
  if (!TRANSPORTS.includes(settings.transport))
    throw new BenchError(`--transport is ${TRANSPORTS.join(' or ')}, got "${values.transport}"`);
  if (values.drive !== undefined) await drive(values.drive, settings);
  else await compare(values.client, settings);
}

/** The measured process: `warmup` calls, then `calls` more, `width` at a time. */
async function drive(name, { transport, width, calls, warmup }) {
  const { server, stop } = await serverFor(transport).start(process.env);
  try {
    const client = await (await import(`./clients/${name}.mjs`)).connect(server);
    const run = async (count) => {
      let left = count;
      const worker = async () => {
        while (left-- > 0) await client.echo('hi');
      };
      await Promise.all(Array.from({ length: width }, worker));
    };
    await run(warmup);
    await run(calls);
    await client.close();
  } finally {
    await stop();
  }
}

async function compare(list, settings) {
  const names = list.split(',').filter(Boolean);
  const unknown = names.filter((name) => !MEASURABLE.includes(name));
  if (names.length === 0 || unknown.length > 0) throw new BenchError(`--client takes some of ${MEASURABLE.join(', ')}; got "${list}"`);
  const elsewhere = names.filter((name) => !runsOver(name, settings.transport));
  if (elsewhere.length > 0)
    throw new BenchError(`${elsewhere.join(', ')} run only over ${elsewhere.map((name) => CLIENT_ONLY_ON[name]).join(', ')}`);
  await new Promise((resolve, reject) =>
    execFile('valgrind', ['--version'], (error) =>
      error ? reject(new BenchError('valgrind is not installed (Debian: apt-get install valgrind)')) : resolve(),
    ),
  );
  const { calls, width, warmup, transport } = settings;
  const dir = await mkdtemp(join(tmpdir(), 'mcpx-instructions-'));
  const running = new Set();
  try {
    console.log(
      `instructions a call (callgrind, node --predictable ${process.version}), ${transport}, ${width} in flight, ` +
        `${calls} and ${calls * 4} calls after ${warmup}`,
    );
    const perCall = new Map();
    for (const name of names) {
      // The two runs of a client at once, which halves the wait: a sequential count does not
      // depend on timing. With --width above 1 how reads batch does, so run those alone or repeat.
      const [fewer, more] = await Promise.all([count(dir, running, name, calls, settings), count(dir, running, name, calls * 4, settings)]);
      perCall.set(name, (more - fewer) / (calls * 3));
    }
    const base = perCall.get('raw');
    for (const [name, instructions] of perCall) {
      const ratio = base === undefined ? '' : `  ${(instructions / base).toFixed(3)}× raw`;
      console.log(`${name.padEnd(16)} ${Math.round(instructions).toLocaleString('en-US').padStart(9)}${ratio}`);
    }
  } finally {
    for (const child of running) child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The instructions callgrind counted in a process making `warmup` + `n` calls with client `name`. */
async function count(dir, running, name, n, { transport, width, warmup }) {
  const out = join(dir, `${name}-${n}.out`);
  const args = [
    '--tool=callgrind',
    `--callgrind-out-file=${out}`,
    process.execPath,
    '--predictable',
    fileURLToPath(import.meta.url),
    `--drive=${name}`,
    `--transport=${transport}`,
    `--width=${width}`,
    `--calls=${n}`,
    `--warmup=${warmup}`,
  ];
  // `env` (lib/run-child.mjs): nothing from the environment that changes how a Node process starts.
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    running.add(child);
    let text = '';
    child.once('error', reject);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (text += chunk));
    child.once('close', (exitCode) => {
      running.delete(child);
      resolve({ code: exitCode, stderr: text });
    });
  });
  if (code !== 0) throw new BenchError(`${name} (${n} calls) exited with ${code} under valgrind:\n${stderr.slice(-2000)}`);
  const totals = /^totals:\s+(\d+)/m.exec(await readFile(out, 'utf8'));
  if (totals === null) throw new BenchError(`${name}: no totals line in callgrind's output ${out}`);
  return Number(totals[1]);
}

function whole(key, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new BenchError(`--${key} needs a positive integer, got "${value}"`);
  return n;
}
