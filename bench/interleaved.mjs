// Compares HTTP clients inside ONE process against one echo server, their batches interleaved,
// to tell a small real cost from the noise of separate processes on a shared machine (run.mjs
// gives each client its own process: JIT decisions, connection counts and the neighbours' load
// differ from one to the next by a few percent). The code the clients share (core, http) is
// compiled once for all of them here, so this answers "does client A do more work than B",
// not "how fast is A alone". See README.md.
//
// node bench/interleaved.mjs [--client=mcpx,mcpx-header,mcpx-oauth] [--width=256] [--rounds=60] [--bytes=N]
// (--bytes: each call echoes a text of N bytes, as the `large` scenario does with 1048576)
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HTTP_CLIENTS = ['raw', 'raw-modern', 'mcpx-legacy', 'official', 'mcpx', 'mcpx-oauth', 'mcpx-header', 'mcpx-middleware', 'mcpx-otel'];
const BATCHES_A_TURN = 4;
const WARMUP_BATCHES = 40;

const options = { clients: ['mcpx', 'mcpx-header', 'mcpx-oauth'], width: 256, rounds: 60, bytes: 0 };
for (const arg of process.argv.slice(2)) {
  const [key, value = ''] = arg.replace(/^--/, '').split('=');
  if (key === 'client') options.clients = value.split(',').filter(Boolean);
  else if (key === 'width' || key === 'rounds' || key === 'bytes') options[key] = Number(value);
  else fail(`unknown option "${arg}" (known: --client= --width= --rounds= --bytes=)`);
}
const unknown = options.clients.filter((c) => !HTTP_CLIENTS.includes(c));
if (unknown.length > 0 || options.clients.length < 2)
  fail(`--client needs two or more of ${HTTP_CLIENTS.join(', ')}; got "${options.clients.join(',')}"`);
for (const key of ['width', 'rounds'])
  if (!Number.isInteger(options[key]) || options[key] < 1) fail(`--${key} needs a positive integer, got "${options[key]}"`);
if (!Number.isInteger(options.bytes) || options.bytes < 0) fail(`--bytes needs a whole number of bytes, got "${options.bytes}"`);

const server = spawn(process.execPath, [fileURLToPath(new URL('servers/echo-http.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
try {
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.setEncoding('utf8').once('data', (chunk) => resolve(Number(chunk.split('\n')[0])));
  });
  const target = { transport: 'http', url: `http://127.0.0.1:${port}/mcp` };
  const clients = [];
  for (const name of options.clients) clients.push(await (await import(`./clients/${name}.mjs`)).connect(target));
  // ASCII with no character JSON escapes, as the large scenario sends: `bytes` long on the wire too.
  const big = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(options.bytes / 36)).slice(0, options.bytes);
  const text = (i) => (options.bytes > 0 ? big : `call ${i}`);
  const batch = (client) => Promise.all(Array.from({ length: options.width }, (_, i) => client.echo(text(i))));
  for (const client of clients) for (let b = 0; b < WARMUP_BATCHES; b++) await batch(client);

  // Each round runs every client once, starting with a different one, so no client always follows the same.
  const cpuUs = clients.map(() => 0);
  const wallUs = clients.map(() => 0);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < clients.length; k++) {
      const index = (k + round) % clients.length;
      const before = process.cpuUsage();
      const started = performance.now();
      for (let b = 0; b < BATCHES_A_TURN; b++) await batch(clients[index]);
      const used = process.cpuUsage(before);
      cpuUs[index] += used.user + used.system;
      wallUs[index] += (performance.now() - started) * 1000;
    }
  }
  const calls = options.rounds * BATCHES_A_TURN * options.width;
  const first = cpuUs[0] / calls;
  const firstWall = wallUs[0] / calls;
  const size = options.bytes > 0 ? ` of ${options.bytes} bytes` : '';
  console.log(`${options.width} calls${size} in flight, ${calls} calls a client, interleaved in one process`);
  console.log('  client           CPU µs/call   vs first   wall µs/call   vs first');
  options.clients.forEach((name, i) =>
    console.log(
      `  ${name.padEnd(15)}  ${(cpuUs[i] / calls).toFixed(1).padStart(11)}   ${(cpuUs[i] / calls / first).toFixed(2)}×    ${(wallUs[i] / calls).toFixed(1).padStart(11)}   ${(wallUs[i] / calls / firstWall).toFixed(2)}×`,
    ),
  );
  for (const client of clients) await client.close();
} finally {
  server.stdin.end();
}

function fail(message) {
  process.stderr.write(`bench/interleaved: ${message}\n`);
  process.exit(2);
}
