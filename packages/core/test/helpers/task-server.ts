// A 2026-07-28 server that runs tool calls as tasks of the tasks extension, for the task tests of src/tasks/.
import { McpClient } from '../../src/client/mcp-client.js';
import type { McpClientOptions } from '../../src/client/options.js';
import { FakeServer } from '../../src/testing/fake-server.js';
import type { Task } from '../../src/tasks/task.js';
import type { TasksOptions } from '../../src/tasks/tasks-api.js';
import { tasks } from '../../src/tasks/tasks-extension.js';

// Shapes from SEP-2663 (the tasks extension, io.modelcontextprotocol/tasks) and its examples.
export const ID = 'io.modelcontextprotocol/tasks';
export const CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
export const TASK_ID = '786512e2-9e0d-44bd-8f29-789f320fe840';
export const DONE = { content: [{ type: 'text', text: 'Operation completed successfully.' }], isError: false };

export const state = (status: Task['status'], extra: Record<string, unknown> = {}) => ({
  taskId: TASK_ID,
  status,
  createdAt: '2025-11-25T10:30:00Z',
  lastUpdatedAt: '2025-11-25T10:40:00Z',
  ttlMs: 60000,
  pollIntervalMs: 10,
  ...extra,
});

/**
 * A 2026-07-28 server that declares the tasks extension and answers `tools/call` with a task; its
 * `tasks/get` answers are `states` in turn (the last one repeated).
 */
export function taskServer(states: Array<Record<string, unknown>>, created: Record<string, unknown> = state('working')) {
  const server = new FakeServer({ modernVersions: ['2026-07-28'], capabilities: { tools: {}, prompts: {}, extensions: { [ID]: {} } } });
  let polls = 0;
  server.handle('tools/call', () => ({ resultType: 'task', ...created }));
  server.handle('tasks/get', (params) => {
    if (params.taskId !== TASK_ID) throw FakeServer.error(-32602, `no task ${String(params.taskId)}`);
    const next = states[Math.min(polls, states.length - 1)];
    polls += 1;
    return { resultType: 'complete', ...next };
  });
  server.handle('tasks/update', () => ({ resultType: 'complete' }));
  server.handle('tasks/cancel', () => ({ resultType: 'complete' }));
  return server;
}

/** The params of each `method` request the server received, without the `_meta` envelope. */
export function sent(server: FakeServer, method: string): Array<Record<string, unknown>> {
  return server.requests(method).map(({ _meta, ...params }) => params);
}

export async function connect(server: FakeServer, options: TasksOptions = {}, client: McpClientOptions = {}) {
  const extension = tasks(options);
  const mcp = new McpClient({ eraCache: false, extensions: [extension], ...client });
  await mcp.connect(server.clientTransport);
  return { client: mcp, api: mcp.extension(extension) };
}
