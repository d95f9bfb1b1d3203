// Request middleware: a request context on every request, a log of sizes (not bodies), and a
// middleware of your own that hides a tool and stamps a header (headers go out over HTTP only).
import { createRequire } from 'node:module';
import { logRequests, McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-everything/package.json').replace(/package\.json$/, 'dist/index.js');

/** Hides get-env from the tool list and refuses to call it. */
const hideGetEnv = async (request, next) => {
  if (request.method === 'tools/call' && request.params?.name === 'get-env') throw new Error('get-env is not for this app');
  const result = await next({ ...request, headers: { ...request.headers, 'X-Request-Source': 'example' } });
  return request.method === 'tools/list' ? { ...result, tools: result.tools.filter((tool) => tool.name !== 'get-env') } : result;
};

const client = new McpClient({
  name: 'mcpx-example',
  server: 'everything',
  context: { userId: 'user-456', clientId: 'example-app', ttlMs: 30_000, tags: ['example'] },
  middleware: [
    logRequests((entry) =>
      console.log(
        `log: ${entry.type} ${entry.method} #${entry.id} ${entry.type === 'request' ? entry.paramsBytes : (entry.resultBytes ?? entry.error.message)}`,
      ),
    ),
    hideGetEnv,
  ],
});
await client.connect(new StdioTransport({ command: process.execPath, args: [server, 'stdio'], stderr: 'ignore' }));

const { tools } = await client.listTools();
console.log(`get-env listed: ${tools.some((tool) => tool.name === 'get-env')}`);
const sum = await client.callTool('get-sum', { a: 19, b: 23 }, { context: { priority: 1 } });
console.log(sum.content.map((block) => block.text).join(' '));
await client.callTool('get-env').catch((error) => console.log(`refused: ${error.message}`));
await client.close();
