import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { TaskHandle } from '../tasks/task-handle.js';
import { FakeServer } from '../testing/fake-server.js';
import { tasks } from '../tasks/tasks-extension.js';
import { until } from '../../../test-utils/src/until.js';

// Shapes from the 2025-11-25 specification, basic/utilities/tasks.mdx.
const TASK_ID = '786512e2-9e0d-44bd-8f29-789f320fe840';
const TASKS = { list: {}, cancel: {}, requests: { tools: { call: {} } } };
const DONE = { content: [{ type: 'text', text: 'Current weather in New York: 72°F' }], isError: false };
const task = (status: string, extra: Record<string, unknown> = {}) => ({
  taskId: TASK_ID,
  status,
  createdAt: '2025-11-25T10:30:00Z',
  lastUpdatedAt: '2025-11-25T10:40:00Z',
  ttl: 60000,
  pollInterval: 10,
  ...extra,
});

/** A 2025-11-25 server with one tool of the given task support; its `tasks/get` answers are `states` in turn (the last one repeated). */
function taskServer(taskSupport: string | undefined, states: Array<Record<string, unknown>>, capabilities: Record<string, unknown> = {}) {
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

async function connect(server: FakeServer): Promise<McpClient> {
  const client = new McpClient({ eraCache: false, server: 'weather' });
  await client.connect(server.clientTransport);
  return client;
}

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

describe('the deadline of a 2025-11-25 task call', () => {
  it("is the call's maxTotalTimeoutMs over the whole wait: a TaskTimeoutError names the task, which is not cancelled", async () => {
    const server = taskServer('required', [task('working')]);
    const client = await connect(server);
    await expect(client.callTool('get_weather', {}, { maxTotalTimeoutMs: 300 })).rejects.toMatchObject({
      name: 'TaskTimeoutError',
      taskId: TASK_ID,
      timeoutMs: 300,
      message: expect.stringMatching(/client\.tasks\.get\("786512e2/),
    });
    expect(server.requests('tasks/get').length).toBeGreaterThan(0);
    // A round trip: a tasks/cancel sent with the rejection would have reached the server before the ping.
    await client.ping();
    expect(server.requests('tasks/cancel')).toEqual([]);
  });

  it("is the request context's ttlMs when it is the smaller", async () => {
    const server = taskServer('required', [task('working')]);
    const client = new McpClient({ eraCache: false, context: { ttlMs: 300 }, maxTotalTimeoutMs: 600_000 });
    await client.connect(server.clientTransport);
    await expect(client.callTool('get_weather', {})).rejects.toMatchObject({
      name: 'TaskTimeoutError',
      setting: 'the request context ttlMs',
    });
  });

  it('rejects with TaskExpiredError when the server forgets the task while the client waits', async () => {
    const server = taskServer('required', []);
    let polls = 0;
    server.handle('tasks/get', () => {
      if (polls++ > 0) throw FakeServer.error(-32602, 'Failed to retrieve task: Task has expired');
      return task('working');
    });
    const client = await connect(server);
    await expect(client.callTool('get_weather', {})).rejects.toMatchObject({
      name: 'TaskExpiredError',
      taskId: TASK_ID,
      message: expect.stringMatching(/its ttlMs of 60000 ms from 2025-11-25T10:30:00Z ran out/),
    });
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

describe('the input a 2025-11-25 task waits for', () => {
  const RELATED = { 'io.modelcontextprotocol/related-task': { taskId: TASK_ID } };
  const ASK = {
    mode: 'form',
    message: 'Which city?',
    requestedSchema: { type: 'object', properties: { city: { type: 'string' } } },
    _meta: RELATED,
  };

  /** A task that asks for input until its tasks/result elicits it, and is completed once answered. */
  function askingServer(pollInterval = 600_000): { server: FakeServer; answers: Array<Record<string, unknown>> } {
    const server = taskServer('required', []);
    const answers: Array<Record<string, unknown>> = [];
    server.handle('tasks/get', () => task(answers.length === 0 ? 'input_required' : 'completed', { pollInterval }));
    server.handle('tasks/result', async () => {
      answers.push(await server.request('elicitation/create', ASK));
      return { ...DONE, _meta: RELATED };
    });
    return { server, answers };
  }

  async function connectAnswering(server: FakeServer): Promise<McpClient> {
    const client = new McpClient({
      eraCache: false,
      server: 'weather',
      elicitation: () => ({ action: 'accept', content: { city: 'Paris' } }),
    });
    await client.connect(server.clientTransport);
    return client;
  }

  it('opens tasks/result on input_required, answers the elicitation it carries and learns the final state without waiting a poll', async () => {
    const { server, answers } = askingServer();
    const client = await connectAnswering(server);
    // The poll interval is ten minutes: only the final state read once tasks/result answered ends the wait.
    expect(await client.callTool('get_weather', {})).toMatchObject(DONE);
    expect(answers).toMatchObject([{ action: 'accept', content: { city: 'Paris' } }]);
    expect(server.requests('tasks/result')).toHaveLength(1);
  });

  it('echoes the related-task metadata of the elicitation in its answer', async () => {
    const { server, answers } = askingServer(10);
    const client = await connectAnswering(server);
    await client.callTool('get_weather', {});
    expect(answers[0]?._meta).toEqual(RELATED);
  });

  it('opens tasks/result again on input_required after the first one was given up', async () => {
    const server = taskServer('required', []);
    let answered = false;
    const opened: Array<() => void> = [];
    server.handle('tasks/get', () => task(answered ? 'completed' : 'input_required'));
    server.handle('tasks/result', async () => {
      if (opened.length === 0) return new Promise((resolve) => opened.push(() => resolve(DONE)));
      await server.request('elicitation/create', ASK);
      answered = true;
      return DONE;
    });
    const client = await connectAnswering(server);
    const handle = await client.tasks.get(TASK_ID);
    const controller = new AbortController();
    const given = handle.result(controller.signal);
    await until(() => opened.length > 0, 'the first tasks/result');
    controller.abort(new Error('the user left'));
    await expect(given).rejects.toMatchObject({ name: 'CancelledError' });
    expect(await handle.result()).toMatchObject(DONE);
    expect(server.requests('tasks/result')).toHaveLength(2);
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
