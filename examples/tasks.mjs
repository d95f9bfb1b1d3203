// Tasks: a tool that must run as a task (server-everything's simulate-research-query, on a
// 2025-11-25 server), its progress through the task handle, the elicitation it asks for on the
// way, and a second wait on the same task by its identifier, as a restarted process would do.
import { createRequire } from 'node:module';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-everything/package.json').replace(/package\.json$/, 'dist/index.js');

const client = new McpClient({
  name: 'mcpx-example',
  server: 'everything',
  // The task asks which "python" we mean, through tasks/result: this handler answers it.
  elicitation: (params) => {
    console.log(`asked: ${params.message}`);
    return { action: 'accept', content: { interpretation: 'programming' } };
  },
});
await client.connect(new StdioTransport({ command: process.execPath, args: [server, 'stdio'], stderr: 'ignore' }));

let taskId;
const result = await client.callTool(
  'simulate-research-query',
  { topic: 'python', ambiguous: true },
  {
    maxTotalTimeoutMs: 120_000, // the whole wait, not each poll
    onTask: (handle) => {
      taskId = handle.taskId; // keep it to reattach later: client.tasks.get(taskId)
      // Progress for the user, on the side: the call's own wait goes on regardless.
      void (async () => {
        for await (const task of handle.changes()) console.log(`status: ${task.status} ${task.statusMessage ?? ''}`.trim());
      })();
    },
  },
);
console.log(result.content[0].text.split('\n')[0]);

const again = await client.tasks.get(taskId);
console.log(`reattached: ${again.taskId === taskId} ${again.status}`);
const listed = await client.tasks.list();
console.log(`listed: ${listed.tasks.some((task) => task.taskId === taskId)}`);
await client.close();
