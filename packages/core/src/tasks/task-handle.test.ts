import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { FakeServer } from '../testing/fake-server.js';
import type { TaskHandle } from './task-handle.js';
import { ID, TASK_ID, DONE, state, taskServer, sent, connect } from '../../test/helpers/task-server.js';

describe('a task handle', () => {
  it('is given to onTask when a call becomes a task, and reports each status change', async () => {
    const server = taskServer([
      state('working', { statusMessage: 'step 1 of 2' }),
      state('working', { statusMessage: 'step 1 of 2' }),
      state('working', { statusMessage: 'step 2 of 2' }),
      state('completed', { result: DONE }),
    ]);
    let onTask: (handle: TaskHandle) => void = () => undefined;
    const given = new Promise<TaskHandle>((resolve) => (onTask = resolve));
    const { client } = await connect(server, { onTask: (handle) => onTask(handle) });
    const call = client.callTool('build', {});
    const handle = await given;
    const seen: Array<[string, string | undefined]> = [];
    for await (const task of handle.changes()) seen.push([task.status, task.statusMessage]);
    expect(seen).toEqual([
      ['working', undefined],
      ['working', 'step 1 of 2'],
      ['working', 'step 2 of 2'],
      ['completed', undefined],
    ]);
    expect(await call).toMatchObject(DONE);
  });

  it('is given to the onTask of the call too, as on a 2025-11-25 server', async () => {
    const server = taskServer([state('completed', { result: DONE })]);
    const { client } = await connect(server);
    const handles: TaskHandle[] = [];
    expect(await client.callTool('build', {}, { onTask: (handle) => handles.push(handle) })).toMatchObject(DONE);
    expect(handles.map((handle) => [handle.taskId, handle.status])).toEqual([[TASK_ID, 'completed']]);
  });

  it('resumes a task by its identifier and waits for its result', async () => {
    const server = taskServer([state('working'), state('completed', { result: DONE })]);
    const { api } = await connect(server);
    const handle = await api.task(TASK_ID);
    expect(handle.status).toBe('working');
    expect(await handle.result()).toEqual(DONE);
    expect(handle.status).toBe('completed');
  });

  it('cancels its task with tasks/cancel', async () => {
    const server = taskServer([state('working')]);
    const { api } = await connect(server);
    const handle = await api.task(TASK_ID);
    await handle.cancel();
    expect(sent(server, 'tasks/cancel')).toEqual([{ taskId: TASK_ID }]);
  });

  it('stops waiting, without cancelling the task, when the waiter aborts', async () => {
    const server = taskServer([state('working')]);
    const { client, api } = await connect(server);
    const handle = await api.task(TASK_ID);
    const controller = new AbortController();
    const waited = handle.result(controller.signal);
    controller.abort(new Error('enough'));
    await expect(waited).rejects.toMatchObject({ name: 'CancelledError' });
    // A round trip: a tasks/cancel sent with the rejection would have reached the server before the ping.
    await client.ping();
    expect(server.requests('tasks/cancel')).toEqual([]);
  });

  it('rejects resuming a task the server does not know with its error', async () => {
    const server = taskServer([]);
    const { api } = await connect(server);
    await expect(api.task('unknown')).rejects.toMatchObject({ name: 'ProtocolError', code: -32602 });
  });

  it('is refused when the server did not declare the tasks extension', async () => {
    const server = new FakeServer({ modernVersions: ['2026-07-28'], capabilities: { tools: {} } });
    const { api } = await connect(server);
    await expect(api.task(TASK_ID)).rejects.toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: `extensions["${ID}"]` });
  });
});

describe('the tasks of a 2026-07-28 server (client.tasks)', () => {
  it('reattaches to a task by its identifier through the tasks extension', async () => {
    const server = taskServer([state('working'), state('completed', { result: DONE })]);
    const { client } = await connect(server);
    const handle = await client.tasks.get(TASK_ID);
    expect(handle.status).toBe('working');
    expect(await handle.result()).toEqual(DONE);
  });

  it('cancels a task by its identifier, which the server only acknowledges', async () => {
    const server = taskServer([state('working')]);
    const { client } = await connect(server);
    expect(await client.tasks.cancel(TASK_ID)).toBeUndefined();
    expect(sent(server, 'tasks/cancel')).toEqual([{ taskId: TASK_ID }]);
  });

  it('has no listing: the tasks extension defines none', async () => {
    const { client } = await connect(taskServer([]));
    await expect(client.tasks.list()).rejects.toMatchObject({ name: 'CapabilityError', capability: 'tasks.list' });
  });

  it('needs the tasks extension registered, and says how to register it', async () => {
    const client = new McpClient({ eraCache: false });
    await client.connect(taskServer([]).clientTransport);
    await expect(client.tasks.get(TASK_ID)).rejects.toMatchObject({
      name: 'ConfigError',
      message: expect.stringMatching(/extensions: \[tasks\(\)\]/),
    });
  });
});
