import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { tasks } from './tasks-extension.js';
import { ID, CAPABILITIES_KEY, TASK_ID, DONE, state, taskServer, sent, connect } from '../../test/helpers/task-server.js';

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
