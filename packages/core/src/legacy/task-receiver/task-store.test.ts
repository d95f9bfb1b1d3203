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
  const client = new McpClient({ eraCache: false, sampling: () => ANSWER, ...options });
  clients.push(client);
  await client.connect(server.clientTransport);
  return server;
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

  it('drops a task once its ttl has passed, aborting its handler if it still runs', async () => {
    let signal: AbortSignal | undefined;
    const server = await connected({
      sampling: (_params, context) => {
        signal = context.signal;
        return new Promise<CreateMessageResult>(() => undefined);
      },
    });
    const { taskId } = await created(server, { ttl: 200 });
    await expect.poll(() => signal?.aborted, { timeout: 10_000 }).toBe(true);
    const error = await refusal(server.request('tasks/get', { taskId }));
    expect(error.code).toBe(ErrorCode.InvalidParams);
  });

  it('answers a tasks/result that waits on a task dropped after its ttl with an error saying it expired', async () => {
    const server = await connected({ sampling: () => new Promise<CreateMessageResult>(() => undefined) });
    const { taskId } = await created(server, { ttl: 200 });
    const error = await refusal(server.request('tasks/result', { taskId }, { timeoutMs: 30_000 }));
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.rawMessage).toContain('expired');
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

  it('lists only the tasks of its own server', async () => {
    const one = await connected();
    const other = await connected();
    const { taskId } = await created(one);
    expect(await other.request('tasks/list', {})).toEqual({ tasks: [] });
    expect(await one.request('tasks/list', {})).toEqual({ tasks: [expect.objectContaining({ taskId })] });
  });

  it('refuses a cursor it did not give with -32602', async () => {
    const server = await connected();
    for (const cursor of ['not-a-cursor', '99', 42]) {
      expect((await refusal(server.request('tasks/list', { cursor }))).code).toBe(ErrorCode.InvalidParams);
    }
  });

  it('refuses a task beyond maxTasks with -32603, naming the option', async () => {
    const server = await connected({ taskReceiver: { maxTasks: 2 } });
    await created(server);
    await created(server);
    const error = await refusal(created(server));
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.rawMessage).toContain('taskReceiver.maxTasks');
  });

  it('refuses a taskReceiver option out of range with a ConfigError naming it, when the client is made', () => {
    expect(() => new McpClient({ sampling: () => ANSWER, taskReceiver: { maxTasks: 0 } })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('"taskReceiver.maxTasks" must be an integer of at least 1, got 0'),
      }),
    );
  });
});
