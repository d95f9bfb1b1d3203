import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../client/mcp-client.js';
import type { McpClientOptions } from '../../client/options.js';
import { ErrorCode, ProtocolError } from '../../errors/protocol-error.js';
import { FakeServer } from '../../testing/fake-server.js';
import type { CreateMessageResult } from '../../types/index.js';

const SAMPLE = { messages: [{ role: 'user', content: { type: 'text', text: 'hello' } }], maxTokens: 10 };
const ANSWER: CreateMessageResult = { role: 'assistant', model: 'test-model', content: { type: 'text', text: 'hi there' } };

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connected(options: McpClientOptions = {}) {
  const server = new FakeServer();
  const client = new McpClient({ eraCache: false, sampling: answerUnlessAsked, ...options });
  clients.push(client);
  await client.connect(server.clientTransport);
  return server;
}

/** Answers at once, except a request with `maxTokens: 1`, which runs until its signal aborts. */
function answerUnlessAsked(
  params: { maxTokens: number },
  context: { signal: AbortSignal },
): Promise<CreateMessageResult> | CreateMessageResult {
  if (params.maxTokens !== 1) return ANSWER;
  return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('aborted'))));
}

/** A task whose handler runs until it is cancelled or expires. */
async function running(server: FakeServer, task: Record<string, unknown> = {}): Promise<{ taskId: string }> {
  return (await server.request('sampling/createMessage', { ...SAMPLE, maxTokens: 1, task })).task as { taskId: string };
}

async function listed(server: FakeServer): Promise<string[]> {
  return ((await server.request('tasks/list', {})).tasks as Array<{ taskId: string }>).map((task) => task.taskId);
}

async function created(server: FakeServer, task: Record<string, unknown> = {}): Promise<{ taskId: string; ttl: number | null }> {
  return (await server.request('sampling/createMessage', { ...SAMPLE, task })).task as { taskId: string; ttl: number | null };
}

async function refusal(work: Promise<unknown>): Promise<ProtocolError> {
  const error = await work.catch((caught: unknown) => caught);
  if (!ProtocolError.isInstance(error)) throw new Error(`expected a JSON-RPC error, got ${JSON.stringify(error)}`);
  return error;
}

describe('the tasks the client keeps for a server (2025-11-25)', () => {
  it('grants the requested ttl up to maxTtlMs, and maxTtlMs when none is asked', async () => {
    const server = await connected({ taskReceiver: { maxTtlMs: 120_000 } });
    expect((await created(server, { ttl: 30_000 })).ttl).toBe(30_000);
    expect((await created(server, { ttl: 10_000_000 })).ttl).toBe(120_000);
    expect((await created(server)).ttl).toBe(120_000);
  });

  it('grants one hour at most by default', async () => {
    const server = await connected();
    expect((await created(server, { ttl: 7_200_000 })).ttl).toBe(3_600_000);
  });

  it('raises a ttl of zero or a few milliseconds to at least one second and two poll intervals, so the server can poll once', async () => {
    const server = await connected({ taskReceiver: { pollIntervalMs: 100 } });
    expect((await created(server, { ttl: 0 })).ttl).toBe(1000);
    expect((await created(server, { ttl: 5 })).ttl).toBe(1000);
    const slow = await connected({ taskReceiver: { pollIntervalMs: 1500 } });
    expect((await created(slow, { ttl: 0 })).ttl).toBe(3000);
  });

  it('never grants more than maxTtlMs, even to raise a short ttl', async () => {
    const server = await connected({ taskReceiver: { maxTtlMs: 500 } });
    expect((await created(server, { ttl: 0 })).ttl).toBe(500);
  });

  it('drops a task once its ttl has passed, aborting its handler if it still runs', async () => {
    let signal: AbortSignal | undefined;
    const server = await connected({
      taskReceiver: { maxTtlMs: 200 },
      sampling: (_params, context) => {
        signal = context.signal;
        return new Promise<CreateMessageResult>(() => undefined);
      },
    });
    const { taskId } = await created(server);
    await expect.poll(() => signal?.aborted, { timeout: 10_000 }).toBe(true);
    const error = await refusal(server.request('tasks/get', { taskId }));
    expect(error.code).toBe(ErrorCode.InvalidParams);
  });

  it('drops a completed task whose result was not fetched once its ttl has passed', async () => {
    const server = await connected({ taskReceiver: { maxTtlMs: 200 } });
    const { taskId } = await created(server);
    await expect.poll(async () => (await server.request('tasks/get', { taskId })).status).toBe('completed');
    await expect
      .poll(async () => (await refusal(server.request('tasks/result', { taskId }))).code, { timeout: 10_000 })
      .toBe(ErrorCode.InvalidParams);
    expect((await refusal(server.request('tasks/get', { taskId }))).rawMessage).toContain('not found');
  });

  it('answers a tasks/result that waits on a task dropped after its ttl with -32602, saying it expired and what to do', async () => {
    const server = await connected({ taskReceiver: { maxTtlMs: 200 }, sampling: () => new Promise<CreateMessageResult>(() => undefined) });
    const { taskId } = await created(server);
    const error = await refusal(server.request('tasks/result', { taskId }, { timeoutMs: 30_000 }));
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.rawMessage).toContain('expired');
    expect(error.rawMessage).toContain('ask for a longer ttl');
  });

  it('lists its tasks in creation order, a page at a time, with an opaque cursor to the next page', async () => {
    const server = await connected({ taskReceiver: { pageSize: 2 } });
    const ids = [(await created(server)).taskId, (await created(server)).taskId, (await created(server)).taskId];
    const first = await server.request('tasks/list', {});
    expect((first.tasks as Array<{ taskId: string }>).map((task) => task.taskId)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await server.request('tasks/list', { cursor: first.nextCursor });
    expect((second.tasks as Array<{ taskId: string }>).map((task) => task.taskId)).toEqual(ids.slice(2));
    expect(second).not.toHaveProperty('nextCursor');
  });

  it('starts with no tasks when the same client connects again after close', async () => {
    const server = new FakeServer();
    const client = new McpClient({ eraCache: false, sampling: answerUnlessAsked });
    clients.push(client);
    await client.connect(server.clientTransport);
    await created(server);
    expect(await listed(server)).toHaveLength(1);
    await client.close();
    const again = new FakeServer();
    await client.connect(again.clientTransport);
    expect(await again.request('tasks/list', {})).toEqual({ tasks: [] });
  });

  it('refuses a cursor it did not give with -32602', async () => {
    const server = await connected();
    for (const cursor of ['not-a-cursor', '99', 42]) {
      expect((await refusal(server.request('tasks/list', { cursor }))).code).toBe(ErrorCode.InvalidParams);
    }
  });

  it('refuses a task beyond maxTasks running ones with -32603, naming the option', async () => {
    const server = await connected({ taskReceiver: { maxTasks: 2 } });
    await running(server);
    await running(server);
    const error = await refusal(running(server));
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.rawMessage).toContain('taskReceiver.maxTasks');
  });

  it('counts only running tasks against maxTasks, so finished ones do not block new tasks', async () => {
    const server = await connected({ taskReceiver: { maxTasks: 2 } });
    for (let made = 0; made < 5; made++) {
      const { taskId } = await created(server);
      await server.request('tasks/result', { taskId });
    }
    expect(await listed(server)).toHaveLength(5);
  });

  it('keeps at most maxFinishedTasks finished tasks, dropping cancelled ones first, then the oldest whose result was fetched', async () => {
    const server = await connected({ taskReceiver: { maxFinishedTasks: 2 } });
    const fetched = await created(server);
    await server.request('tasks/result', { taskId: fetched.taskId });
    const cancelled = await running(server);
    await server.request('tasks/cancel', { taskId: cancelled.taskId });
    const unfetched = await created(server);
    await expect.poll(() => listed(server)).toEqual([fetched.taskId, unfetched.taskId]);
    const newest = await created(server);
    await expect.poll(() => listed(server)).toEqual([unfetched.taskId, newest.taskId]);
  });

  it('refuses a task with -32603 naming maxFinishedTasks while that many results wait to be fetched', async () => {
    const server = await connected({ taskReceiver: { maxFinishedTasks: 2 } });
    const first = await created(server);
    await created(server);
    await expect.poll(async () => (await server.request('tasks/get', { taskId: first.taskId })).status).toBe('completed');
    await expect
      .poll(async () => (await server.request('tasks/list', {})).tasks)
      .toEqual([expect.objectContaining({ status: 'completed' }), expect.objectContaining({ status: 'completed' })]);
    const error = await refusal(created(server));
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.rawMessage).toContain('taskReceiver.maxFinishedTasks');
    await server.request('tasks/result', { taskId: first.taskId });
    expect((await created(server)).taskId).toEqual(expect.any(String));
  });

  it('refuses a taskReceiver option out of range with a ConfigError naming it, when the client is made', () => {
    expect(() => new McpClient({ sampling: () => ANSWER, taskReceiver: { maxTasks: 0 } })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('"taskReceiver.maxTasks" must be an integer of at least 1, got 0'),
      }),
    );
  });

  it('refuses a maxTtlMs of 0 or beyond what a timer can wait (2^31 - 1 ms)', () => {
    for (const maxTtlMs of [0, 2 ** 31]) {
      expect(() => new McpClient({ sampling: () => ANSWER, taskReceiver: { maxTtlMs } })).toThrow(
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining(`"taskReceiver.maxTtlMs" must be an integer from 1 to 2147483647, got ${maxTtlMs}`),
        }),
      );
    }
    expect(() => new McpClient({ sampling: () => ANSWER, taskReceiver: { maxTtlMs: 2 ** 31 - 1 } })).not.toThrow();
  });
});
