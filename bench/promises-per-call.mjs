// How many promises a client makes for one call, counted: connects a client to one of the bench's
// echo servers, warms it up, then counts the promises created (an `async_hooks` init hook, type
// PROMISE) while it makes `--calls` calls of `echo` one after the other, and prints them per call.
// Under the hook, V8 also makes a promise for every `await` (without one it makes none for the
// await of a native promise), so the figure is of promises and awaits together: the caller's own
// `await` of each call is one of them, and an async function with one `await` counts 2 where a
// `then()` counts 1. With `--where`, each is also counted under the two innermost frames of the
// bench's clients or mcpx's packages that made it (one made with no such frame on the stack, as
// the caller's `await` is, under "(no frame)").
//
//   pnpm build && node bench/promises-per-call.mjs [--client=mcpx] [--transport=http] [--calls=2000] [--where]
//
// `--client` is any client of bench/clients (`raw-modern`, `official`, `mcpx`...) with the transport
// `--transport` (`http` or `stdio`). The hook slows the calls down; the count is the same from one
// run to the next.
import { createHook } from 'node:async_hooks';
import { parseArgs } from 'node:util';
import { serverFor } from './lib/servers.mjs';

const { values } = parseArgs({
  options: {
    client: { type: 'string', default: 'mcpx' },
    transport: { type: 'string', default: 'http' },
    calls: { type: 'string', default: '2000' },
    where: { type: 'boolean', default: false },
  },
});
const calls = Number(values.calls);
if (!(Number.isInteger(calls) && calls >= 1)) throw new Error('promises-per-call: --calls needs a positive integer');

const { connect } = await import(`./clients/${values.client}.mjs`);
const { server, stop } = await serverFor(values.transport).start(process.env);
const client = await connect(server);
for (let i = 0; i < 500; i++) await client.echo(`warm-up ${i}`);

/** Where this checkout's packages and bench clients are, as stack frames name them. */
const PACKAGES = new URL('../packages/', import.meta.url).href;
const CLIENTS = new URL('./clients/', import.meta.url).href;

/** The two innermost frames of the stack in the bench's clients or mcpx's packages. */
function creator() {
  const frames = new Error().stack
    .split('\n')
    .slice(1)
    .filter((line) => line.includes(PACKAGES) || line.includes(CLIENTS))
    .slice(0, 2)
    .map((line) => line.trim().replace(/^at /, '').replaceAll(PACKAGES, '').replaceAll(CLIENTS, 'clients/'));
  return frames.length === 0 ? '(no frame)' : frames.join(' < ');
}

let count = 0;
const where = new Map();
const limit = Error.stackTraceLimit;
const hook = createHook({
  init(_id, type) {
    if (type !== 'PROMISE') return;
    count++;
    if (!values.where) return;
    const key = creator();
    where.set(key, (where.get(key) ?? 0) + 1);
  },
});
if (values.where) Error.stackTraceLimit = 30;
hook.enable();
for (let i = 0; i < calls; i++) await client.echo(`call ${i}`);
hook.disable();
Error.stackTraceLimit = limit;

console.log(
  `${values.client} over ${values.transport}: ${(count / calls).toFixed(2)} promises and awaits a call (${calls} calls, the caller's await included)`,
);
for (const [key, n] of [...where].sort((a, b) => b[1] - a[1])) console.log(`${(n / calls).toFixed(2).padStart(6)}  ${key}`);
await client.close();
await stop();
