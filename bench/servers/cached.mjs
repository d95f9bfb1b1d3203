// A 2026-07-28 server on the official SDK whose tools/list (20 tools) anyone may cache for an
// hour, for bench/redis-cache.mjs. `node cached.mjs stdio`, or `node cached.mjs http`: Streamable
// HTTP on 127.0.0.1, a free port, printed as "listening on <port>" on stderr, endpoint /mcp.
import { createServer } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

function build() {
  const mcp = new McpServer(
    { name: 'bench-cached', version: '1.0.0' },
    { capabilities: { tools: {} }, cacheHints: { 'tools/list': { ttlMs: 3_600_000, cacheScope: 'public' } } },
  );
  for (let i = 0; i < 20; i++) mcp.registerTool(`tool-${i}`, { description: `Tool number ${i}` }, async () => ({ content: [] }));
  return mcp;
}

if (process.argv[2] === 'http') {
  const handle = toNodeHandler(createMcpHandler(build, { legacy: 'reject' }));
  const server = createServer((req, res) => void handle(req, res));
  server.listen(0, '127.0.0.1', () => console.error(`listening on ${server.address().port}`));
  process.once('SIGTERM', () => process.exit(0));
} else {
  serveStdio(build);
}
