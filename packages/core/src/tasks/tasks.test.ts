import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { McpClientOptions } from '../client/options.js';
import { FakeServer } from '../testing/fake-server.js';
import type { Task } from './task.js';
import type { TaskHandle } from './task-handle.js';
import type { TasksOptions } from './tasks-api.js';
import { tasks } from './tasks-extension.js';

// Shapes from SEP-2663 (the tasks extension, io.modelcontextprotocol/tasks) and its examples.
const ID = 'io.modelcontextprotocol/tasks';
const CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
const TASK_ID = '786512e2-9e0d-44bd-8f29-789f320fe840';
const DONE = { content: [{ type: 'text', text: 'Operation completed successfully.' }], isError: false };

const state = (status: Task['status'], extra: Record<string, unknown> = {}) => ({
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
function taskServer(states: Array<Record<string, unknown>>, created: Record<string, unknown> = state('working')) {
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
function sent(server: FakeServer, method: string): Array<Record<string, unknown>> {
  return server.requests(method).map(({ _meta, ...params }) => params);
}

async function connect(server: FakeServer, options: TasksOptions = {}, client: McpClientOptions = {}) {
  const extension = tasks(options);
  const mcp = new McpClient({ eraCache: false, extensions: [extension], ...client });
  await mcp.connect(server.clientTransport);
  return { client: mcp, api: mcp.extension(extension) };
}

describe('a tool call the server turns into a task', () => {
  it('declares the tasks extension in the capabilities of the call', async () => {
    const server = taskServer([state('completed', { result: DONE })]);
    const { client } = await connect(server);
    await client.callTool('build', {});
    const meta = server.requests('tools/call')[0]?._meta as Record<string, unknown>;
    expect(meta[CAPABILITIES_KEY]).toEqual({ extensions: { [ID]: {} } });
  });

  it('returns the final result once tasks/get reports the task completed', async () => {
    const server = taskServer([state('working'), state('working'), state('completed', { result: DONE })]);
    const { client } = await connect(server);
    expect(await client.callTool('build', {})).toMatchObject(DONE);
    expect(sent(server, 'tasks/get').map((params) => params.taskId)).toEqual([TASK_ID, TASK_ID, TASK_ID]);
  });

  it('waits at least the interval the server suggests between polls', async () => {
    const server = taskServer(
      [state('working', { pollIntervalMs: 300 }), state('completed', { result: DONE })],
      state('working', { pollIntervalMs: 300 }),
    );
    const { client } = await connect(server);
    const started = performance.now();
    await client.callTool('build', {});
    // Two polls, each after a 300 ms wait: a lower bound, which a slow machine only exceeds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
  });

  it('rejects with the JSON-RPC error of a failed task', async () => {
    const server = taskServer([state('failed', { error: { code: -32603, message: 'the build broke', data: { step: 3 } } })]);
    const { client } = await connect(server);
    await expect(client.callTool('build', {})).rejects.toMatchObject({
      name: 'ProtocolError',
      code: -32603,
      rawMessage: 'the build broke',
      data: { step: 3 },
      method: 'tools/call',
    });
  });

  it('rejects with a TaskCancelledError when the server cancels the task', async () => {
    const server = taskServer([state('cancelled', { statusMessage: 'an operator stopped it' })]);
    const { client } = await connect(server);
    await expect(client.callTool('build', {})).rejects.toMatchObject({
      name: 'TaskCancelledError',
      code: 'TASK_CANCELLED',
      taskId: TASK_ID,
      message: expect.stringMatching(/cancelled by the server \(an operator stopped it\)/),
    });
  });

  it('sends tasks/cancel and rejects with a CancelledError when the caller aborts', async () => {
    const server = taskServer([state('working')]);
    const cancelled = new Promise<Record<string, unknown>>((resolve) =>
      server.handle('tasks/cancel', ({ _meta, ...params }) => {
        resolve(params);
        return { resultType: 'complete' };
      }),
    );
    const polled = new Promise<void>((resolve) =>
      server.handle('tasks/get', () => {
        resolve();
        return { resultType: 'complete', ...state('working') };
      }),
    );
    const { client } = await connect(server);
    const controller = new AbortController();
    const call = client.callTool('build', {}, { signal: controller.signal });
    await polled;
    controller.abort(new Error('the user gave up'));
    await expect(call).rejects.toMatchObject({ name: 'CancelledError', message: expect.stringMatching(/the user gave up/) });
    expect(await cancelled).toEqual({ taskId: TASK_ID });
  });

  it('answers the input a task requires with the client handler, once per key, through tasks/update', async () => {
    const ask = {
      method: 'elicitation/create',
      params: { mode: 'form', message: 'Your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } },
    };
    const waiting = state('input_required', { inputRequests: { name: ask } });
    const server = taskServer([waiting, waiting, state('completed', { result: DONE })]);
    const asked: string[] = [];
    const { client } = await connect(
      server,
      {},
      {
        elicitation: async (params) => {
          asked.push(params.message);
          return { action: 'accept', content: { name: 'Alice' } };
        },
      },
    );
    expect(await client.callTool('hello_world', {})).toMatchObject(DONE);
    expect(asked).toEqual(['Your name?']);
    expect(sent(server, 'tasks/update')).toEqual([
      { taskId: TASK_ID, inputResponses: { name: { action: 'accept', content: { name: 'Alice' } } } },
    ]);
  });

  it('answers a key again when its tasks/update failed', async () => {
    const ask = {
      method: 'elicitation/create',
      params: { mode: 'form', message: 'Your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } },
    };
    const server = taskServer([]);
    let updates = 0;
    server.handle('tasks/get', () => ({
      resultType: 'complete',
      ...(updates < 2 ? state('input_required', { inputRequests: { name: ask } }) : state('completed', { result: DONE })),
    }));
    server.handle('tasks/update', () => {
      if (++updates === 1) throw FakeServer.error(-32603, 'the task store is busy');
      return { resultType: 'complete' };
    });
    const { api } = await connect(server, {}, { elicitation: () => ({ action: 'accept', content: { name: 'Alice' } }) });
    const handle = await api.task(TASK_ID);
    await expect(handle.result()).rejects.toMatchObject({ name: 'ProtocolError', code: -32603 });
    expect(await handle.result()).toEqual(DONE);
    expect(sent(server, 'tasks/update')).toHaveLength(2);
  });

  it('rejects when the task requires input this client has no handler for', async () => {
    const ask = { method: 'sampling/createMessage', params: { messages: [], maxTokens: 10 } };
    const server = taskServer([state('input_required', { inputRequests: { draft: ask } })]);
    const { client } = await connect(server);
    await expect(client.callTool('build', {})).rejects.toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringMatching(/no sampling handler/),
    });
    expect(sent(server, 'tasks/update')).toEqual([]);
  });

  it('refuses a task without a taskId as an invalid response', async () => {
    const server = taskServer([], { status: 'working' });
    const { client } = await connect(server);
    await expect(client.callTool('build', {})).rejects.toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringMatching(/has no taskId/),
    });
  });

  it('refuses a task in answer to a request the extension does not allow tasks for', async () => {
    const server = taskServer([]);
    server.handle('prompts/get', () => ({ resultType: 'task', ...state('working') }));
    const { client } = await connect(server);
    await expect(client.getPrompt('draft', {})).rejects.toThrow(/allows tasks only for tools\/call/);
    expect(server.requests('tasks/get')).toEqual([]);
  });

  it('refuses a default poll interval that is not a duration', () => {
    expect(() => tasks({ defaultPollIntervalMs: -1 })).toThrow(/defaultPollIntervalMs must be a finite number/);
  });
});

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

describe('the deadline of a 2026-07-28 task call', () => {
  it("is the call's maxTotalTimeoutMs over the whole wait: a TaskTimeoutError names the task, which is not cancelled", async () => {
    const server = taskServer([state('working')]);
    const { client } = await connect(server);
    await expect(client.callTool('build', {}, { maxTotalTimeoutMs: 300 })).rejects.toMatchObject({
      name: 'TaskTimeoutError',
      taskId: TASK_ID,
      setting: expect.stringMatching(/maxTotalTimeoutMs/),
    });
    // A round trip: a tasks/cancel sent with the rejection would have reached the server before the ping.
    await client.ping();
    expect(server.requests('tasks/cancel')).toEqual([]);
  });

  it('rejects with TaskExpiredError when the server forgets the task while the client waits', async () => {
    const server = taskServer([state('working')]);
    let polls = 0;
    server.handle('tasks/get', () => {
      if (polls++ > 0) throw FakeServer.error(-32602, 'Failed to retrieve task: Task not found');
      return { resultType: 'complete', ...state('working') };
    });
    const { client } = await connect(server);
    await expect(client.callTool('build', {})).rejects.toMatchObject({ name: 'TaskExpiredError', taskId: TASK_ID });
  });
});

describe('task status through subscriptions/listen', () => {
  it('ends the wait when the server pushes the final state on the stream the handle subscribed to', async () => {
    const server = taskServer([state('working', { pollIntervalMs: 600_000 })]);
    server.handle('subscriptions/listen', (params, context) => {
      const _meta = { 'io.modelcontextprotocol/subscriptionId': context.requestId };
      // Acknowledged, then the task's final state pushed: the poll interval of ten minutes is never waited out.
      void server
        .notify('notifications/subscriptions/acknowledged', { _meta, notifications: params.notifications })
        .then(() => server.notify('notifications/tasks', { _meta, ...state('completed', { result: DONE }) }));
      return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
    });
    const { client } = await connect(server);
    expect(await client.callTool('build', {})).toMatchObject(DONE);
    expect(sent(server, 'subscriptions/listen')[0]).toEqual({ notifications: { taskIds: [TASK_ID] } });
  });
});

describe('a 2026-07-28 task nobody waits for', () => {
  it('is cancelled when onTask throws, and the call rejects with what onTask threw', async () => {
    const server = taskServer([state('working')]);
    const { client } = await connect(server);
    const call = client.callTool(
      'build',
      {},
      {
        onTask: () => {
          throw new Error('the UI is gone');
        },
      },
    );
    await expect(call).rejects.toThrow('the UI is gone');
    // A round trip: the tasks/cancel sent with the rejection has reached the server before the ping.
    await client.ping();
    expect(sent(server, 'tasks/cancel')).toEqual([{ taskId: TASK_ID }]);
  });
});

describe('a server that refuses task subscriptions', () => {
  it('keeps the other subscriptions on one stream without the tasks, reports no error and waits by polling', async () => {
    const server = taskServer([state('working'), state('completed', { result: DONE })]);
    server.handle('subscriptions/listen', (params, context) => {
      const notifications = params.notifications as Record<string, unknown>;
      if (notifications.taskIds !== undefined) throw FakeServer.error(-32602, 'taskIds is not supported');
      const _meta = { 'io.modelcontextprotocol/subscriptionId': context.requestId };
      // Acknowledged once the stream is open; an in-memory notify cannot fail.
      void server.notify('notifications/subscriptions/acknowledged', { _meta, notifications });
      return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
    });
    const { client } = await connect(server);
    const errors: Error[] = [];
    client.on('error', ({ error }) => errors.push(error));
    await client.subscribe({ toolsListChanged: true });
    expect(await client.callTool('build', {})).toMatchObject(DONE);
    // A second task: the refusal is remembered, its taskIds are not sent again.
    expect(await client.callTool('build', {})).toMatchObject(DONE);
    await client.ping();
    expect(sent(server, 'subscriptions/listen').map((params) => params.notifications)).toEqual([
      { toolsListChanged: true },
      { toolsListChanged: true, taskIds: [TASK_ID] },
      { toolsListChanged: true },
    ]);
    expect(errors).toEqual([]);
  });
});
