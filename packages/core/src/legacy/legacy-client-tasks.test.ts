import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { FakeServer } from '../testing/fake-server.js';
import { tasks } from '../tasks/tasks-extension.js';
import { until } from '../../../test-utils/src/until.js';
import { TASK_ID, DONE, task, taskServer, connect } from '../../test/helpers/legacy-task-server.js';

describe('the tasks of a 2025-11-25 server (client.tasks)', () => {
  it('reattaches another client to a task by its identifier and waits for its result', async () => {
    // Two connections to one server: the task store is this test's, shared by both fakes.
    const first = taskServer('required', [task('working')]);
    const second = taskServer('required', [task('working'), task('completed')]);
    const starter = await connect(first);
    let taskId = '';
    const call = starter.callTool('get_weather', {}, { onTask: (handle) => (taskId = handle.taskId) });
    await until(() => taskId !== '', 'the call to become a task');
    const outcome = expect(call).rejects.toMatchObject({ name: 'ConnectionClosedError' });
    await starter.close();
    await outcome;
    const resumed = await (await connect(second)).tasks.get(taskId);
    expect(resumed.status).toBe('working');
    expect(await resumed.result()).toMatchObject(DONE);
  });

  it('lists the tasks a page at a time, each made era-neutral', async () => {
    const server = taskServer('required', []);
    server.handle('tasks/list', (params) =>
      params.cursor === undefined
        ? { tasks: [task('working')], nextCursor: 'next-page-cursor' }
        : { tasks: [task('completed', { ttl: null })] },
    );
    const client = await connect(server);
    const first = await client.tasks.list();
    expect(first).toMatchObject({
      tasks: [{ taskId: TASK_ID, status: 'working', ttlMs: 60000, pollIntervalMs: 10 }],
      nextCursor: 'next-page-cursor',
    });
    expect(await client.tasks.list({ cursor: first.nextCursor })).toEqual({
      tasks: [expect.objectContaining({ status: 'completed', ttlMs: null })],
    });
  });

  it('refuses to list the tasks of a server that did not declare tasks.list', async () => {
    const server = taskServer('required', [], { tasks: { requests: { tools: { call: {} } } } });
    const client = await connect(server);
    await expect(client.tasks.list()).rejects.toMatchObject({ name: 'CapabilityError', capability: 'tasks.list' });
  });

  it('refuses the tasks of a 2025-06-18 server by its missing tasks capability, even with the tasks extension registered', async () => {
    const server = new FakeServer({ protocolVersions: ['2025-06-18'], capabilities: { tools: {} } });
    const client = new McpClient({ eraCache: false, server: 'weather', extensions: [tasks()] });
    await client.connect(server.clientTransport);
    await expect(client.tasks.get(TASK_ID)).rejects.toMatchObject({ name: 'CapabilityError', capability: 'tasks' });
    await expect(client.tasks.cancel(TASK_ID)).rejects.toMatchObject({ name: 'CapabilityError', capability: 'tasks.cancel' });
    expect(server.requests('tasks/get')).toEqual([]);
  });

  it('cancels a task by its identifier and resolves with its cancelled state', async () => {
    const server = taskServer('required', [task('working')]);
    const client = await connect(server);
    expect(await client.tasks.cancel(TASK_ID)).toMatchObject({ taskId: TASK_ID, status: 'cancelled' });
    expect(server.requests('tasks/cancel')).toEqual([{ taskId: TASK_ID }]);
  });

  it('rejects reattaching to a task the server no longer holds with its error', async () => {
    const server = taskServer('required', []);
    server.handle('tasks/get', () => {
      throw FakeServer.error(-32602, 'Failed to retrieve task: Task has expired');
    });
    const client = await connect(server);
    await expect(client.tasks.get(TASK_ID)).rejects.toMatchObject({ name: 'ProtocolError', code: -32602 });
  });

  it('cancels the task when the caller aborts the call', async () => {
    const server = taskServer('required', [task('working')]);
    const client = await connect(server);
    const controller = new AbortController();
    const call = client.callTool(
      'get_weather',
      {},
      { signal: controller.signal, onTask: () => controller.abort(new Error('the user gave up')) },
    );
    await expect(call).rejects.toMatchObject({ name: 'CancelledError' });
    await until(() => server.requests('tasks/cancel').length === 1, 'tasks/cancel');
  });
});

describe('notifications/tasks/status after a reconnect', () => {
  it('still wake a handle made over the connection before', async () => {
    const first = taskServer('required', [task('working')]);
    const client = await connect(first);
    const handle = await client.tasks.get(TASK_ID);
    await client.close();
    const second = taskServer('required', []);
    second.handle('tasks/get', () => {
      // Pushed after this answer, whose interval is ten minutes: only the push ends the wait; an in-memory notify cannot fail.
      setImmediate(() => void second.notify('notifications/tasks/status', task('completed')));
      return task('working', { pollInterval: 600_000 });
    });
    await client.connect(second.clientTransport);
    expect(await handle.result()).toMatchObject(DONE);
  });
});
