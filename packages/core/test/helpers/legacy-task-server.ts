// A 2025-11-25 server whose tools run as tasks, for the legacy task tests of src/legacy/.
import { McpClient } from '../../src/client/mcp-client.js';
import { FakeServer } from '../../src/testing/fake-server.js';

// Shapes from the 2025-11-25 specification, basic/utilities/tasks.mdx.
export const TASK_ID = '786512e2-9e0d-44bd-8f29-789f320fe840';
export const TASKS = { list: {}, cancel: {}, requests: { tools: { call: {} } } };
export const DONE = { content: [{ type: 'text', text: 'Current weather in New York: 72°F' }], isError: false };
export const task = (status: string, extra: Record<string, unknown> = {}) => ({
  taskId: TASK_ID,
  status,
  createdAt: '2025-11-25T10:30:00Z',
  lastUpdatedAt: '2025-11-25T10:40:00Z',
  ttl: 60000,
  pollInterval: 10,
  ...extra,
});

/** A 2025-11-25 server with one tool of the given task support; its `tasks/get` answers are `states` in turn (the last one repeated). */
export function taskServer(
  taskSupport: string | undefined,
  states: Array<Record<string, unknown>>,
  capabilities: Record<string, unknown> = {},
) {
  const server = new FakeServer({ capabilities: { tools: {}, tasks: TASKS, ...capabilities } });
  let polls = 0;
  server.handle('tools/list', () => ({
    tools: [{ name: 'get_weather', inputSchema: { type: 'object' }, ...(taskSupport === undefined ? {} : { execution: { taskSupport } }) }],
  }));
  server.handle('tools/call', (params) => (params.task === undefined ? DONE : { task: task('working') }));
  server.handle('tasks/get', () => states[Math.min(polls++, states.length - 1)]);
  server.handle('tasks/result', () => ({ ...DONE, _meta: { 'io.modelcontextprotocol/related-task': { taskId: TASK_ID } } }));
  server.handle('tasks/cancel', () => task('cancelled'));
  return server;
}

export async function connect(server: FakeServer): Promise<McpClient> {
  const client = new McpClient({ eraCache: false, server: 'weather' });
  await client.connect(server.clientTransport);
  return client;
}
