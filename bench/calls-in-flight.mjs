// What a Streamable HTTP call in flight holds, counted: connects a client to
// bench/servers/echo-http.mjs, warms it up, takes a heap snapshot, stops the server (SIGSTOP) and
// starts `--calls` calls of `echo`, which then wait for an answer that cannot come, takes a second
// snapshot, lets the server go on (SIGCONT) and prints the objects new in the second snapshot (by
// V8's object ids, stable within a process) per call, grouped by constructor, with a summary of
// the async machinery: suspended async functions, closures, contexts and promises.
//
//   pnpm build && node --expose-gc bench/calls-in-flight.mjs [--client=mcpx] [--calls=256] [--top=30]
//
// `--client` is any client of bench/clients with an HTTP transport (`raw`, `official`, `mcpx`...).
// Sizes are shallow (each object's own bytes). The calls are given `--wait-ms` (default 500) to be
// sent before the second snapshot; the objects of a call not yet sent are missing from the counts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { readSnapshot, takeSnapshot } from './lib/heap-snapshot.mjs';

const { values } = parseArgs({
  options: {
    client: { type: 'string', default: 'mcpx' },
    calls: { type: 'string', default: '256' },
    top: { type: 'string', default: '30' },
    'wait-ms': { type: 'string', default: '500' },
  },
});
const calls = Number(values.calls);
const top = Number(values.top);
const waitMs = Number(values['wait-ms']);
if (typeof globalThis.gc !== 'function') throw new Error('calls-in-flight: run it with node --expose-gc');
if (!(Number.isInteger(calls) && calls >= 1)) throw new Error('calls-in-flight: --calls needs a positive integer');

const server = spawn(process.execPath, [join(import.meta.dirname, 'servers', 'echo-http.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((resolve) =>
  server.stdout.setEncoding('utf8').once('data', (chunk) => resolve(Number(chunk.split('\n')[0]))),
);
const { connect } = await import(`./clients/${values.client}.mjs`);
const client = await connect({ transport: 'http', url: `http://127.0.0.1:${port}/mcp` });
const batch = () => Promise.all(Array.from({ length: calls }, (_, i) => client.echo(`call ${i}`)));

/** Each node's id, label and shallow size. */
function read(file) {
  const {
    snapshot: { meta },
    nodes,
    strings,
  } = readSnapshot(file);
  const fields = meta.node_fields.length;
  const types = meta.node_types[meta.node_fields.indexOf('type')];
  const [fType, fName, fId, fSize] = ['type', 'name', 'id', 'self_size'].map((f) => meta.node_fields.indexOf(f));
  const out = [];
  for (let base = 0; base < nodes.length; base += fields) {
    const type = types[nodes[base + fType]];
    const name = strings[nodes[base + fName]];
    out.push({ id: nodes[base + fId], label: label(type, name), size: nodes[base + fSize] });
  }
  return out;
}

/** A constructor name for objects, `closure <name>` for closures, the type otherwise (strings and numbers are not told apart). */
function label(type, name) {
  if (type === 'object' || type === 'native') return name;
  if (type === 'closure') return `closure ${name || '(anonymous)'}`;
  return `(${type})`;
}

for (let round = 0; round < 50; round++) await batch();
const first = await takeSnapshot('mcpx-calls', 'before');
server.kill('SIGSTOP');
const pending = batch();
await sleep(waitMs);
const second = await takeSnapshot('mcpx-calls', 'in-flight');
server.kill('SIGCONT');
await pending;

const old = new Set(read(first).map((node) => node.id));
const groups = new Map();
for (const node of read(second)) {
  if (old.has(node.id)) continue;
  const group = groups.get(node.label) ?? { bytes: 0, objects: 0 };
  group.bytes += node.size;
  group.objects += 1;
  groups.set(node.label, group);
}
const perCall = (predicate) =>
  ([...groups].filter(([key]) => predicate(key)).reduce((sum, [, group]) => sum + group.objects, 0) / calls).toFixed(1);
const total = [...groups.values()].reduce((sum, group) => sum + group.bytes, 0);
console.log(`${values.client}: objects new with ${calls} Streamable HTTP calls in flight, per call (Node ${process.version})`);
// V8's snapshot shows a suspended async function (and generator) as a `Generator` object.
console.log(
  `suspended async functions ${perCall((key) => key === 'Generator')}, ` +
    `closures ${perCall((key) => key.startsWith('closure '))}, contexts ${perCall((key) => key === 'system / Context')}, ` +
    `promises ${perCall((key) => key === 'Promise')}; ${(total / calls).toFixed(0)} B in all`,
);
for (const [key, { bytes, objects }] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
  console.log(`${(bytes / calls).toFixed(0).padStart(7)} B ${(objects / calls).toFixed(1).padStart(6)} obj  ${key}`);
}
await client.close();
server.stdin.end();
server.kill();
