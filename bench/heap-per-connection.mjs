// Where the JavaScript heap of an mcpx stdio connection goes, reproducibly: opens `--from`
// connections (each with one `tools/list`) to bench/servers/echo-stdio.mjs, takes a heap snapshot,
// opens more up to `--to`, takes another, and prints the objects new in the second (by V8's object
// ids, stable within a process) per connection, grouped by constructor and by what retains them.
//
//   pnpm build && node --expose-gc bench/heap-per-connection.mjs [--from=10] [--to=40] [--top=25]
//
// `--where` labels closures with where their function is defined (script id:line:column).
// `--path=<constructor>` also prints the retainer chain (to the first object of the first
// snapshot) of three new objects of that constructor: what keeps them alive.
//
// Sizes are shallow (each object's own bytes), so the groups add up to the heap's growth.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { readSnapshot, takeSnapshot } from './lib/heap-snapshot.mjs';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '10' },
    to: { type: 'string', default: '40' },
    top: { type: 'string', default: '25' },
    path: { type: 'string' },
    where: { type: 'boolean', default: false },
  },
});
const from = Number(values.from);
const to = Number(values.to);
const top = Number(values.top);
if (typeof globalThis.gc !== 'function') throw new Error('heap-per-connection: run it with node --expose-gc');
if (!(to > from && from >= 1)) throw new Error('heap-per-connection: --to must be greater than --from, and --from at least 1');

const server = join(import.meta.dirname, 'servers', 'echo-stdio.mjs');
const clients = [];

async function open(count) {
  while (clients.length < count) {
    const client = new McpClient({ name: 'bench-heap' });
    await client.connect(new StdioTransport({ command: process.execPath, args: [server] }));
    await client.listTools();
    clients.push(client);
  }
}

/** The nodes of a snapshot (id, type, name, self size) and, for each, the strong retainer nearest the GC roots. */
function parse({ snapshot: { meta }, nodes, edges, strings, locations }) {
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const typeNames = meta.node_types[meta.node_fields.indexOf('type')];
  const edgeTypeNames = meta.edge_types[meta.edge_fields.indexOf('type')];
  const [fType, fName, fId, fSize, fEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const count = nodes.length / nodeFields;
  const firstEdge = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) firstEdge[n + 1] = firstEdge[n] + nodes[n * nodeFields + fEdges] * edgeFields;
  const strong = (edge) => {
    const kind = edgeTypeNames[edges[edge + eType]];
    return kind !== 'weak' && kind !== 'shortcut';
  };
  // Breadth first from the root (node 0), so that each object's retainer is on a shortest path to it.
  const out = {
    count,
    ids: new Int32Array(count),
    type: [],
    name: [],
    size: new Float64Array(count),
    retainer: new Int32Array(count).fill(-1),
    edge: [],
  };
  const distance = new Int32Array(count).fill(-1);
  distance[0] = 0;
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const n = queue[head++];
    for (let edge = firstEdge[n]; edge < firstEdge[n + 1]; edge += edgeFields) {
      if (!strong(edge)) continue;
      const target = edges[edge + eTo] / nodeFields;
      if (distance[target] !== -1) continue;
      distance[target] = distance[n] + 1;
      out.retainer[target] = n;
      const kind = edgeTypeNames[edges[edge + eType]];
      const name = edges[edge + eName];
      out.edge[target] = kind === 'element' || kind === 'hidden' ? `[${name}]` : String(strings[name] ?? name);
      queue[tail++] = target;
    }
  }
  // Where each closure's function is defined (script id, line, column: 0-based), to tell anonymous ones apart.
  out.where = new Map();
  const locationFields = meta.location_fields?.length ?? 4;
  for (let i = 0; i + locationFields <= (locations?.length ?? 0); i += locationFields) {
    out.where.set(locations[i] / nodeFields, `${locations[i + 1]}:${locations[i + 2] + 1}:${locations[i + 3] + 1}`);
  }
  for (let n = 0; n < count; n++) {
    const base = n * nodeFields;
    out.ids[n] = nodes[base + fId];
    out.type[n] = typeNames[nodes[base + fType]];
    out.name[n] = strings[nodes[base + fName]];
    out.size[n] = nodes[base + fSize];
  }
  return out;
}

/** What a node is, for grouping: a constructor name for objects, the type (and name for code) otherwise. */
function label(snap, n) {
  const type = snap.type[n];
  if (type === 'object' || type === 'native') return snap.name[n];
  if (type === 'closure')
    return `closure ${snap.name[n] || '(anonymous)'}${values.where && snap.where.has(n) ? ` @${snap.where.get(n)}` : ''}`;
  return `(${type})`;
}

/** The nearest retainer that is an object (or closure) old enough to be in the first snapshot or named, with the edge into the chain. */
function owner(snap, n, isNew) {
  let child = n;
  let current = snap.retainer[n];
  for (let hops = 0; current !== -1 && hops < 12; hops++) {
    const type = snap.type[current];
    const named =
      (type === 'object' && !['Object', 'Array', 'Map', 'Set', 'system / Context'].includes(snap.name[current])) || type === 'closure';
    if (named || !isNew(current)) return `${label(snap, current)}.${snap.edge[child]}`;
    child = current;
    current = snap.retainer[current];
  }
  return '(root)';
}

function printGroups(title, groups, connections) {
  const rows = [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
  const total = [...groups.values()].reduce((sum, g) => sum + g.bytes, 0);
  console.log(`\n${title}: ${(total / connections / 1024).toFixed(1)} KiB a connection in all`);
  for (const [key, { bytes, objects }] of rows) {
    console.log(`${(bytes / connections).toFixed(0).padStart(7)} B ${(objects / connections).toFixed(1).padStart(6)} obj  ${key}`);
  }
}

await open(from);
const first = await takeSnapshot('mcpx-heap', 'from');
await open(to);
const second = await takeSnapshot('mcpx-heap', 'to');
const old = new Set(parse(readSnapshot(first)).ids);
const after = parse(readSnapshot(second));
const isNew = (n) => !old.has(after.ids[n]);
const connections = to - from;
const byConstructor = new Map();
const byOwner = new Map();
for (let n = 0; n < after.count; n++) {
  if (!isNew(n)) continue;
  for (const [groups, key] of [
    [byConstructor, label(after, n)],
    [byOwner, owner(after, n, isNew)],
  ]) {
    const group = groups.get(key) ?? { bytes: 0, objects: 0 };
    group.bytes += after.size[n];
    group.objects += 1;
    groups.set(key, group);
  }
}
console.log(`heap per mcpx stdio connection, objects new between ${from} and ${to} connections (Node ${process.version})`);
printGroups('by constructor', byConstructor, connections);
printGroups('by retainer (the nearest named or older object, and its property)', byOwner, connections);
if (values.path !== undefined) {
  let shown = 0;
  for (let n = 0; n < after.count && shown < 3; n++) {
    if (!isNew(n) || label(after, n) !== values.path) continue;
    shown++;
    const chain = [label(after, n)];
    for (let current = n, hops = 0; after.retainer[current] !== -1 && hops < 15; hops++) {
      chain.push(`${label(after, after.retainer[current])}.${after.edge[current]}`);
      current = after.retainer[current];
      if (!isNew(current)) break;
    }
    console.log(`\n${chain.join('\n  <- ')}`);
  }
}
await Promise.all(clients.map((client) => client.close()));
