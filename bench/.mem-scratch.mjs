// scratch: node --expose-gc .tmp/mem.mjs <variant> ; prints rss/heap/external per connection
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
const variant = process.argv[2];
const N = 50;
const server = { transport: 'stdio', command: process.execPath, args: [fileURLToPath(new URL('./servers/echo-stdio.mjs', import.meta.url))] };
let connect;
if (variant === 'raw') connect = (await import('./clients/raw.mjs')).connect;
else if (variant === 'official') connect = (await import('./clients/official.mjs')).connect;
else {
  const { McpClient } = await import('@mcpx/core');
  const { StdioTransport } = await import('@mcpx/stdio');
  const opts = JSON.parse(process.argv[3] ?? '{}');
  const copts = JSON.parse(process.argv[4] ?? '{}');
  connect = async () => { const c = new McpClient({ name: 'x', ...copts }); await c.connect(new StdioTransport({ command: server.command, args: server.args, ...opts })); return { listTools: () => c.listTools(), close: () => c.close() }; };
}
async function settled() { for (let i = 0; i < 6; i++) { gc(); await sleep(20); } return process.memoryUsage(); }
const before = await settled();
const s = [await connect(server)]; await s[0].listTools();
const one = await settled();
for (let i = 1; i < N; i++) { const x = await connect(server); await x.listTools(); s.push(x); }
const all = await settled();
const k = (a, b, n) => ((a - b) / 1024 / n).toFixed(1);
console.log(variant, process.argv[3] ?? '', process.argv[4] ?? '', 'rss', k(all.rss, before.rss, N), 'marg', k(all.rss, one.rss, N - 1), 'heapUsed', k(all.heapUsed, one.heapUsed, N - 1), 'heapTotal', k(all.heapTotal, one.heapTotal, N - 1), 'ext', k(all.external, one.external, N - 1), 'ab', k(all.arrayBuffers, one.arrayBuffers, N - 1));
await Promise.all(s.map((x) => x.close()));
