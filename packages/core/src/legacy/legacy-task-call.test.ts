import { describe, expect, it } from 'vitest';
import type { TaskHandle } from '../tasks/task-handle.js';
import { FakeServer } from '../testing/fake-server.js';
import { until } from '../../../test-utils/src/until.js';
import { TASK_ID, DONE, task, taskServer, connect } from '../../test/helpers/legacy-task-server.js';

describe('a tool call on a 2025-11-25 server', () => {
  it('runs a tool whose taskSupport is required as a task, listing the tools first to learn it', async () => {
    const server = taskServer('required', [task('completed')]);
    const client = await connect(server);
    expect(await client.callTool('get_weather', { city: 'New York' })).toMatchObject(DONE);
    expect(server.requests('tools/list')).toHaveLength(1);
    expect(server.requests('tools/call')).toEqual([{ name: 'get_weather', arguments: { city: 'New York' }, task: {} }]);
    expect(server.requests('tasks/result')).toEqual([{ taskId: TASK_ID }]);
  });

  it('calls an optional tool as a plain request unless asked, and as a task with the ttl asked for', async () => {
    const server = taskServer('optional', [task('completed')]);
    const client = await connect(server);
    await client.callTool('get_weather', {});
    await client.callTool('get_weather', {}, { task: { ttlMs: 60000 } });
    expect(server.requests('tools/call')).toEqual([
      { name: 'get_weather', arguments: {} },
      { name: 'get_weather', arguments: {}, task: { ttl: 60000 } },
    ]);
  });

  it('looks a tool up again once the server says its tools changed', async () => {
    const server = taskServer('optional', [task('completed')]);
    const client = await connect(server);
    await client.listTools();
    server.handle('tools/list', () => ({
      tools: [{ name: 'get_weather', inputSchema: { type: 'object' }, execution: { taskSupport: 'required' } }],
    }));
    const changed = new Promise<void>((resolve) =>
      client.on('notification', (event) => event.method.startsWith('notifications/tools') && resolve()),
    );
    await server.notify('notifications/tools/list_changed');
    await changed;
    await client.callTool('get_weather', {});
    expect(server.requests('tools/list')).toHaveLength(2);
    expect(server.requests('tools/call')).toEqual([{ name: 'get_weather', arguments: {}, task: {} }]);
  });

  it('never looks a tool up when the server cannot run tools as tasks', async () => {
    const server = taskServer('required', [], { tasks: { list: {} } });
    const client = await connect(server);
    await client.callTool('get_weather', {});
    expect(server.requests('tools/list')).toEqual([]);
  });

  it('refuses a task asked of a server that cannot run tools as tasks, naming the capability', async () => {
    const server = taskServer('optional', [], { tasks: undefined });
    const client = await connect(server);
    await expect(client.callTool('get_weather', {}, { task: true })).rejects.toMatchObject({
      name: 'CapabilityError',
      capability: 'tasks.requests.tools.call',
    });
    expect(server.requests('tools/call')).toEqual([]);
  });

  it('wakes on notifications/tasks/status instead of waiting out the poll interval', async () => {
    const server = taskServer('required', []);
    server.handle('tasks/get', () => {
      // Pushed once the client polls (and so watches the task): after this answer, whose interval is ten minutes.
      setImmediate(() => void server.notify('notifications/tasks/status', task('completed')));
      return task('working', { pollInterval: 600_000 });
    });
    const client = await connect(server);
    expect(await client.callTool('get_weather', {})).toMatchObject(DONE);
    expect(server.requests('tasks/get')).toHaveLength(1);
  });

  it('rejects with the error tasks/result returns for a failed task', async () => {
    const server = taskServer('required', [task('failed', { statusMessage: 'Tool execution failed: API rate limit exceeded' })]);
    server.handle('tasks/result', () => {
      throw FakeServer.error(-32603, 'API rate limit exceeded');
    });
    const client = await connect(server);
    await expect(client.callTool('get_weather', {})).rejects.toMatchObject({ name: 'ProtocolError', code: -32603 });
  });

  it('rejects with TaskCancelledError naming the task when the server cancelled it', async () => {
    const server = taskServer('required', [task('cancelled', { statusMessage: 'shutting down' })]);
    const client = await connect(server);
    await expect(client.callTool('get_weather', {})).rejects.toMatchObject({
      name: 'TaskCancelledError',
      taskId: TASK_ID,
      message: expect.stringMatching(/shutting down/),
    });
    expect(server.requests('tasks/result')).toEqual([]);
  });

  it('hands the task to onTask with the era-neutral state, ttl and pollInterval in milliseconds', async () => {
    const server = taskServer('required', [task('completed')]);
    const client = await connect(server);
    const handles: TaskHandle[] = [];
    await client.callTool('get_weather', {}, { onTask: (handle) => handles.push(handle) });
    expect(handles.map((handle) => handle.taskId)).toEqual([TASK_ID]);
    expect(handles[0]?.task).toMatchObject({ status: 'completed', ttlMs: 60000, pollIntervalMs: 10 });
  });
});

describe('the requests of a 2025-11-25 task', () => {
  it("carry the call's request context, as the tools/call did", async () => {
    const server = taskServer('required', [task('completed')]);
    const client = await connect(server);
    await client.callTool('get_weather', {}, { context: { userId: 'user-456' } });
    for (const method of ['tools/call', 'tasks/get', 'tasks/result']) {
      expect(server.requests(method)[0]?._meta).toMatchObject({ 'mcpx/context': { userId: 'user-456' } });
    }
  });
});

describe('the ttl of a 2025-11-25 task call', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses task.ttlMs %s before sending anything', async (ttlMs) => {
    const server = taskServer('optional', [task('completed')]);
    const client = await connect(server);
    await expect(client.callTool('get_weather', {}, { task: { ttlMs } })).rejects.toMatchObject({
      name: 'ConfigError',
      message: expect.stringMatching(/task\.ttlMs must be a positive whole number/),
    });
    expect(server.requests('tools/call')).toEqual([]);
  });
});

describe('a 2025-11-25 task nobody waits for', () => {
  it('is cancelled when onTask throws, and the call rejects with what onTask threw', async () => {
    const server = taskServer('required', [task('working')]);
    const client = await connect(server);
    const call = client.callTool(
      'get_weather',
      {},
      {
        onTask: () => {
          throw new Error('the UI is gone');
        },
      },
    );
    await expect(call).rejects.toThrow('the UI is gone');
    await until(() => server.requests('tasks/cancel').length === 1, 'tasks/cancel');
  });

  it("reports on the client's error event an automatic cancel the server cannot take", async () => {
    const server = taskServer('required', [task('working')], { tasks: { requests: { tools: { call: {} } } } });
    const client = await connect(server);
    const errors: Error[] = [];
    client.on('error', ({ error }) => errors.push(error));
    const controller = new AbortController();
    const call = client.callTool('get_weather', {}, { signal: controller.signal, onTask: () => controller.abort(new Error('enough')) });
    await expect(call).rejects.toMatchObject({ name: 'CancelledError' });
    await until(() => errors.length > 0, 'the error event');
    expect(errors).toMatchObject([{ name: 'CapabilityError', capability: 'tasks.cancel' }]);
  });

  it("says it was cancelled at this client's request when the client cancelled it", async () => {
    const server = taskServer('required', [task('working')]);
    const client = await connect(server);
    const handle = await client.tasks.get(TASK_ID);
    await handle.cancel();
    await expect(handle.result()).rejects.toMatchObject({
      name: 'TaskCancelledError',
      message: expect.stringMatching(/cancelled at this client's request/),
    });
  });
});
