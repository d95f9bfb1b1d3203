// CPU instructions a call, counted rather than timed: each client runs its calls in a process of
// its own under valgrind's callgrind, whose count is the same from one run to the next whatever
// the neighbours do (to about 1% here), where the timed scenarios of run.mjs spread by 10 to 30%
// on a shared 2-core machine. A small change (a few hundred instructions a call) shows here
// and nowhere else. What it does not see: the kernel's work (syscalls, loopback TCP), cache
// misses, and the GC threads' share, since the count runs V8 with `--predictable` (one thread,
// no concurrent compiling or marking) so that it repeats. See README.md ("Instructions a call").
//
//   node bench/instructions.mjs [--client=raw,raw-modern,mcpx] [--transport=http] [--width=1]
//                               [--calls=3000] [--warmup=3000]
//
// Each client is run twice, with `--warmup` calls and then `--calls` more, or `--calls` × 4 more;
// the difference of the two counts divided by the difference of the calls is the figure, so
// that starting, connecting and warming up cancel out. `--width` is the number of calls in flight.
// Needs valgrind (Debian: apt-get install valgrind); about a minute a client over HTTP.
//
// (Internally: `--drive` makes this script the measured process: it starts the echo server, which
// valgrind does not follow, connects the client and makes the calls.)
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CLIENTS = ['raw', 'raw-modern', 'official', 'mcpx', 'mcpx-legacy', 'mcpx-header', 'mcpx-middleware', 'mcpx-oauth', 'mcpx-otel'];
const SERVERS = { http: 'echo-http.mjs', stdio: 'echo-stdio.mjs' };

const { values } = parseArgs({
  options: {
    client: { type: 'string', default: 'raw,raw-modern,mcpx' },
    transport: { type: 'string', default: 'http' },
    width: { type: 'string', default: '1' },
    calls: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '3000' },
    drive: { type: 'string' },
  },
});
const width = whole('width', values.width);
const calls = whole('calls', values.calls);
const warmup = whole('warmup', values.warmup);
if (!(values.transport in SERVERS)) fail(`--transport is http or stdio, got "${values.transport}"`);

if (values.drive !== undefined) await drive(values.drive);
else await compare();

/** The measured process: `warmup` calls, then `calls` more, `width` at a time. */
async function drive(name) {
  const script = fileURLToPath(new URL(`servers/${SERVERS[values.transport]}`, import.meta.url));
  let server;
  let target = { transport: 'stdio', command: process.execPath, args: [script] };
  if (values.transport === 'http') {
    server = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const port = await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.stdout.setEncoding('utf8').once('data', (chunk) => resolve(Number(chunk.split('\n')[0])));
    });
    target = { transport: 'http', url: `http://127.0.0.1:${port}/mcp` };
  }
  const client = await (await import(`./clients/${name}.mjs`)).connect(target);
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
  server?.stdin.end();
}

async function compare() {
  const names = values.client.split(',').filter(Boolean);
  const unknown = names.filter((name) => !CLIENTS.includes(name));
  if (names.length === 0 || unknown.length > 0) fail(`--client takes some of ${CLIENTS.join(', ')}; got "${values.client}"`);
  await new Promise((resolve) =>
    execFile('valgrind', ['--version'], (error) =>
      error ? fail('valgrind is not installed (Debian: apt-get install valgrind)') : resolve(),
    ),
  );
  const dir = await mkdtemp(join(tmpdir(), 'mcpx-instructions-'));
  try {
    console.log(
      `instructions a call (callgrind, node --predictable ${process.version}), ${values.transport}, ${width} in flight, ` +
        `${calls} and ${calls * 4} calls after ${warmup}`,
    );
    const perCall = new Map();
    for (const name of names) {
      // The two runs of a client at once: the counts do not depend on timing, and it halves the wait.
      const [fewer, more] = await Promise.all([count(dir, name, calls), count(dir, name, calls * 4)]);
      perCall.set(name, (more - fewer) / (calls * 3));
    }
    const base = perCall.get('raw');
    for (const [name, instructions] of perCall) {
      const ratio = base === undefined ? '' : `  ${(instructions / base).toFixed(3)}× raw`;
      console.log(`${name.padEnd(16)} ${Math.round(instructions).toLocaleString('en-US').padStart(9)}${ratio}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The instructions callgrind counted in a process making `warmup` + `n` calls with client `name`. */
async function count(dir, name, n) {
  const out = join(dir, `${name}-${n}.out`);
  const args = [
    '--tool=callgrind',
    `--callgrind-out-file=${out}`,
    process.execPath,
    '--predictable',
    fileURLToPath(import.meta.url),
    `--drive=${name}`,
    `--transport=${values.transport}`,
    `--width=${width}`,
    `--calls=${n}`,
    `--warmup=${warmup}`,
  ];
  const { code, stderr } = await new Promise((resolve) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let text = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (text += chunk));
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr: text }));
  });
  if (code !== 0) fail(`${name} (${n} calls) exited with ${code} under valgrind:\n${stderr.slice(-2000)}`);
  const totals = /^totals:\s+(\d+)/m.exec(await readFile(out, 'utf8'));
  if (totals === null) fail(`${name}: no totals line in callgrind's output ${out}`);
  return Number(totals[1]);
}

function whole(key, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--${key} needs a positive integer, got "${value}"`);
  return n;
}

function fail(message) {
  console.error(`instructions: ${message}`);
  process.exit(2);
}
