import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../client/mcp-client.js';
import type { McpClientOptions } from '../../client/options.js';
import { ErrorCode, ProtocolError } from '../../errors/protocol-error.js';
import { FakeServer } from '../../testing/fake-server.js';
import type { JsonRpcMessage } from '../../jsonrpc/messages.js';
import type { CreateMessageResult } from '../../types/index.js';
import { isObject } from '../../validation/guards.js';
import type { WireTask } from './received-task.js';

const SAMPLE = { messages: [{ role: 'user', content: { type: 'text', text: 'hello' } }], maxTokens: 10 };
const ANSWER: CreateMessageResult = { role: 'assistant', model: 'test-model', content: { type: 'text', text: 'hi there' } };

/** A handler that waits until the test releases it, and the signal it ran under. */
function gate() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const seen: { signal?: AbortSignal; params?: Record<string, unknown> } = {};
  const sampling = async (params: object, context: { signal: AbortSignal }): Promise<CreateMessageResult> => {
    seen.signal = context.signal;
    seen.params = params as Record<string, unknown>;
    await released;
    return ANSWER;
  };
  return { sampling, release, seen };
}

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connected(options: McpClientOptions) {
  const server = new FakeServer();
  const client = new McpClient({ eraCache: false, server: 'fake', ...options });
  clients.push(client);
  await client.connect(server.clientTransport);
  return { server, client };
}

async function refusal(work: Promise<unknown>): Promise<ProtocolError> {
  const error = await work.catch((caught: unknown) => caught);
  if (!ProtocolError.isInstance(error)) throw new Error(`expected a JSON-RPC error, got ${JSON.stringify(error)}`);
  return error;
}

async function createTask(server: FakeServer, params: Record<string, unknown> = { ...SAMPLE, task: { ttl: 60_000 } }): Promise<string> {
  const created = await server.request('sampling/createMessage', params);
  return (created.task as { taskId: string }).taskId;
}

describe('the client as a task receiver (2025-11-25)', () => {
  it('declares tasks.list, tasks.cancel and a task request for each handler it has', async () => {
    const { server } = await connected({ sampling: () => ANSWER, elicitation: () => ({ action: 'decline' }) });
    expect(server.initializeParams?.capabilities).toMatchObject({
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    });
  });

  it('declares only the task requests of the handlers it has', async () => {
    const { server } = await connected({ sampling: () => ANSWER });
    expect((server.initializeParams?.capabilities as { tasks?: unknown }).tasks).toEqual({
      list: {},
      cancel: {},
      requests: { sampling: { createMessage: {} } },
    });
  });

  it('declares no tasks capability without a sampling or elicitation handler, or with taskReceiver false', async () => {
    const { server: bare } = await connected({ roots: () => [] });
    const { server: off } = await connected({ sampling: () => ANSWER, taskReceiver: false });
    expect(bare.initializeParams?.capabilities).not.toHaveProperty('tasks');
    expect(off.initializeParams?.capabilities).not.toHaveProperty('tasks');
  });

  it('declares no tasks capability when it offers a revision older than 2025-11-25, which had no tasks', async () => {
    const { server } = await connected({ sampling: () => ANSWER, protocolVersion: '2025-06-18' });
    expect(server.initializeParams?.protocolVersion).toBe('2025-06-18');
    expect(server.initializeParams?.capabilities).not.toHaveProperty('tasks');
  });

  it('answers a task-augmented sampling request at once with a working task, before the handler finishes', async () => {
    const { sampling, release, seen } = gate();
    const { server } = await connected({ sampling });
    const created = await server.request('sampling/createMessage', { ...SAMPLE, task: { ttl: 60_000 } });
    expect(created.task).toMatchObject({ status: 'working', ttl: 60_000, pollInterval: 1000 });
    const task = created.task as { taskId: string; createdAt: string; lastUpdatedAt: string };
    expect(task.taskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(task.createdAt).toISOString()).toBe(task.createdAt);
    expect(await server.request('tasks/get', { taskId: task.taskId })).toMatchObject({ taskId: task.taskId, status: 'working' });
    await expect.poll(() => seen.params).toBeDefined();
    expect(seen.params).not.toHaveProperty('task');
    release();
  });

  it('blocks tasks/result until the handler answers, then returns its result tied to the task', async () => {
    const { sampling, release } = gate();
    const { server } = await connected({ sampling });
    const taskId = await createTask(server);
    const result = server.request('tasks/result', { taskId });
    release();
    expect(await result).toEqual({ ...ANSWER, _meta: { 'io.modelcontextprotocol/related-task': { taskId } } });
    expect(await server.request('tasks/get', { taskId })).toMatchObject({ status: 'completed' });
  });

  it('runs a task-augmented elicitation with the form defaults filled in', async () => {
    const { server } = await connected({ elicitation: () => ({ action: 'accept', content: {} }) });
    const requestedSchema = { type: 'object', properties: { colour: { type: 'string', default: 'blue' } } };
    const created = await server.request('elicitation/create', { message: 'Colour?', requestedSchema, task: {} });
    const taskId = (created.task as { taskId: string }).taskId;
    expect(await server.request('tasks/result', { taskId })).toMatchObject({ action: 'accept', content: { colour: 'blue' } });
  });

  it('tells the server with notifications/tasks/status when a task ends', async () => {
    const { server } = await connected({ sampling: () => ANSWER });
    const taskId = await createTask(server);
    await server.request('tasks/result', { taskId });
    await expect
      .poll(() => server.notifications('notifications/tasks/status'))
      .toEqual([expect.objectContaining({ taskId, status: 'completed' })]);
  });

  it('fails the task when the handler throws, and tasks/result answers the same JSON-RPC error', async () => {
    const { server } = await connected({
      sampling: () => {
        throw new ProtocolError({ code: ErrorCode.InvalidRequest, message: 'the user refused to sample' });
      },
    });
    const taskId = await createTask(server);
    const error = await refusal(server.request('tasks/result', { taskId }));
    expect(error.code).toBe(ErrorCode.InvalidRequest);
    expect(error.rawMessage).toBe('the user refused to sample');
    expect(await server.request('tasks/get', { taskId })).toMatchObject({ status: 'failed', statusMessage: 'the user refused to sample' });
  });

  it('cancels a running task on tasks/cancel: the handler is aborted and the task stays cancelled', async () => {
    const { sampling, release, seen } = gate();
    const { server } = await connected({ sampling });
    const taskId = await createTask(server);
    await expect.poll(() => seen.signal).toBeDefined();
    const cancelled = await server.request('tasks/cancel', { taskId });
    expect(cancelled).toMatchObject({ taskId, status: 'cancelled' });
    expect(seen.signal?.aborted).toBe(true);
    release();
    expect(await server.request('tasks/get', { taskId })).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a task that already ended with -32602', async () => {
    const { server } = await connected({ sampling: () => ANSWER });
    const taskId = await createTask(server);
    await server.request('tasks/result', { taskId });
    const error = await refusal(server.request('tasks/cancel', { taskId }));
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.rawMessage).toContain('already completed');
  });

  it('answers -32602 for a task id it does not know, in tasks/get, tasks/result and tasks/cancel', async () => {
    const { server } = await connected({ sampling: () => ANSWER });
    for (const method of ['tasks/get', 'tasks/result', 'tasks/cancel']) {
      const error = await refusal(server.request(method, { taskId: 'no-such-task' }));
      expect(error.code).toBe(ErrorCode.InvalidParams);
      expect(error.rawMessage).toContain('"no-such-task" not found');
    }
  });

  it('answers a task-augmented request as a plain one when it did not declare tasks, and does not know tasks/get', async () => {
    const { server } = await connected({ sampling: () => ANSWER, taskReceiver: false });
    expect(await server.request('sampling/createMessage', { ...SAMPLE, task: { ttl: 1000 } })).toEqual(ANSWER);
    expect((await refusal(server.request('tasks/get', { taskId: 'x' }))).code).toBe(ErrorCode.MethodNotFound);
  });

  it('aborts the handlers of running tasks when the client closes', async () => {
    const { sampling, release, seen } = gate();
    const { server, client } = await connected({ sampling });
    await createTask(server);
    await expect.poll(() => seen.signal).toBeDefined();
    await client.close();
    expect(seen.signal?.aborted).toBe(true);
    release();
  });

  it('gives the handler no params.task when it answers a task-augmented request as a plain one (taskReceiver false)', async () => {
    let seen: Record<string, unknown> | undefined;
    const { server } = await connected({
      sampling: (params) => {
        seen = params;
        return ANSWER;
      },
      taskReceiver: false,
    });
    await server.request('sampling/createMessage', { ...SAMPLE, task: { ttl: 1000 } });
    expect(seen).toBeDefined();
    expect(seen).not.toHaveProperty('task');
  });

  it('answers tasks/result after tasks/cancel with the error the cancel ended the task with', async () => {
    const { sampling, release } = gate();
    const { server } = await connected({ sampling });
    const taskId = await createTask(server);
    await server.request('tasks/cancel', { taskId });
    release();
    const error = await refusal(server.request('tasks/result', { taskId }));
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.rawMessage).toContain('cancelled by tasks/cancel');
  });

  it('stops waiting on a tasks/result the server cancelled, and answers the next one when the task ends', async () => {
    const { sampling, release } = gate();
    const { server } = await connected({ sampling });
    const taskId = await createTask(server);
    const abandoned = new AbortController();
    const first = server.request('tasks/result', { taskId }, { signal: abandoned.signal });
    abandoned.abort(new Error('the server gave up'));
    await expect(first).rejects.toThrow();
    const second = server.request('tasks/result', { taskId });
    release();
    expect(await second).toMatchObject(ANSWER);
  });

  it('sends no status notification when the handler finishes after the task was cancelled', async () => {
    const { sampling, release } = gate();
    const { server } = await connected({ sampling });
    const cancelled = await createTask(server);
    await server.request('tasks/cancel', { taskId: cancelled });
    release();
    const later = await createTask(server);
    await server.request('tasks/result', { taskId: later });
    await expect.poll(() => server.notifications('notifications/tasks/status')).toHaveLength(1);
    expect(server.notifications('notifications/tasks/status')).toEqual([expect.objectContaining({ taskId: later, status: 'completed' })]);
  });

  it('sends the status notification only after the CreateTaskResult, even when the response is slow to send', async () => {
    const server = new FakeServer();
    const transport = server.clientTransport;
    const send = transport.send.bind(transport);
    const sent: string[] = [];
    transport.send = async (message: JsonRpcMessage) => {
      const created = 'result' in message && isObject(message.result.task);
      // A Streamable HTTP POST of the response that takes a while, as under load.
      if (created) await new Promise((resolve) => setTimeout(resolve, 100));
      sent.push(created ? 'CreateTaskResult' : 'method' in message ? message.method : 'response');
      return send(message);
    };
    const client = new McpClient({ eraCache: false, sampling: () => ANSWER });
    clients.push(client);
    await client.connect(transport);
    const taskId = await createTask(server);
    await expect.poll(() => server.notifications('notifications/tasks/status')).toEqual([expect.objectContaining({ taskId })]);
    expect(sent.filter((what) => what === 'CreateTaskResult' || what === 'notifications/tasks/status')).toEqual([
      'CreateTaskResult',
      'notifications/tasks/status',
    ]);
  });

  it('answers -32601 for tasks/list when the capabilities.tasks it was given has no list', async () => {
    const { server } = await connected({
      sampling: () => ANSWER,
      capabilities: { tasks: { cancel: {}, requests: { sampling: { createMessage: {} } } } },
    });
    expect((await refusal(server.request('tasks/list', {}))).code).toBe(ErrorCode.MethodNotFound);
    const taskId = await createTask(server);
    expect(await server.request('tasks/get', { taskId })).toMatchObject({ taskId });
  });

  it('moves lastUpdatedAt past createdAt when the task ends, keeping createdAt', async () => {
    const { sampling, release } = gate();
    const { server } = await connected({ sampling });
    const created = (await server.request('sampling/createMessage', { ...SAMPLE, task: { ttl: 60_000 } })).task as WireTask;
    expect(created.lastUpdatedAt).toBe(created.createdAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await server.request('tasks/result', { taskId: created.taskId });
    const ended = (await server.request('tasks/get', { taskId: created.taskId })) as unknown as WireTask;
    expect(ended.createdAt).toBe(created.createdAt);
    expect(Date.parse(ended.lastUpdatedAt)).toBeGreaterThan(Date.parse(ended.createdAt));
  });
});
