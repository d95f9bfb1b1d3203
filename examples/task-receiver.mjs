// The client as a task receiver (2025-11-25): server-everything sends a task-augmented
// sampling/createMessage, gets a task back at once, polls it with tasks/get and fetches the
// answer with tasks/result. The sampling handler is the same as for a plain request.
import { createRequire } from 'node:module';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-everything/package.json').replace(/package\.json$/, 'dist/index.js');

const client = new McpClient({
  name: 'mcpx-example',
  server: 'everything',
  // A stand-in for a model; `signal` aborts if the server cancels the task or the client closes.
  sampling: async (params, { signal }) => {
    signal.throwIfAborted();
    return { role: 'assistant', model: 'example-model', content: { type: 'text', text: `Hello! (${params.messages.length} message)` } };
  },
  taskReceiver: { maxTtlMs: 600_000 },
});
await client.connect(new StdioTransport({ command: process.execPath, args: [server, 'stdio'], stderr: 'ignore' }));

const result = await client.callTool('trigger-sampling-request-async', { prompt: 'Say hello' });
console.log(result.content.map((block) => block.text).join('\n'));
await client.close();
