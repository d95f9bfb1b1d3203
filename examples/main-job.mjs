// The main job: connect to server-everything over stdio, show what it offers, call a tool.
import { createRequire } from 'node:module';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-everything/package.json').replace(/package\.json$/, 'dist/index.js');

const client = new McpClient({ name: 'mcpx-example', server: 'everything' });
const transport = new StdioTransport({ command: process.execPath, args: [server, 'stdio'], stderr: 'ignore' });
const session = await client.connect(transport);
console.log(`Connected to ${session.serverInfo.name} ${session.serverInfo.version} (protocol ${session.protocolVersion})`);

const { tools } = await client.listTools();
console.log(`\nTools (${tools.length}):`);
for (const tool of tools) console.log(`  ${tool.name.padEnd(34)} ${tool.description?.split('\n')[0] ?? ''}`);

const { resources } = await client.listResources();
console.log(`\nResources (${resources.length}):`);
for (const resource of resources.slice(0, 10)) console.log(`  ${resource.uri}`);
if (resources.length > 10) console.log(`  ... and ${resources.length - 10} more`);

const { prompts } = await client.listPrompts();
console.log(`\nPrompts (${prompts.length}):`);
for (const prompt of prompts) console.log(`  ${prompt.name.padEnd(34)} ${prompt.description ?? ''}`);

const result = await client.callTool('get-sum', { a: 19, b: 23 });
console.log('\nCalled get-sum { a: 19, b: 23 } ->', result.content.map((c) => c.text).join(' '));

const { requestsTotal, latency } = client.metrics();
console.log(`\n${requestsTotal} requests, mean latency ${latency.mean.toFixed(2)} ms`);
await client.close();
