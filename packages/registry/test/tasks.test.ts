import { ConnectionClosedError, McpClient, type TaskHandle } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { until } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import type { ConnectFn } from '../src/index.js';
import { useRegistries } from './helpers.js';

const open = useRegistries();

// Shapes from the 2025-11-25 specification, basic/utilities/tasks.mdx.
const TASK_ID = '786512e2-9e0d-44bd-8f29-789f320fe840';
const DONE = { content: [{ type: 'text', text: 'the build passed' }], isError: false };
const task = (status: string) => ({ taskId: TASK_ID, status, createdAt: '2025-11-25T10:30:00Z', ttl: 60000, pollInterval: 10 });

/**
 * A 2025-11-25 server holding one task, whose every connection is a new `FakeServer` (a restarted
 * process) over one task store: `status` is the task's, whichever instance is asked.
 */
function taskServer(): { connect: ConnectFn; instances: FakeServer[]; status: string } {
  const fleet = {
    instances: [] as FakeServer[],
    status: 'working',
    connect: async (signal: AbortSignal): Promise<McpClient> => {
      const server = new FakeServer({ capabilities: { tools: {}, tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } } });
      server.handle('tasks/get', () => task(fleet.status));
      server.handle('tasks/list', () => ({ tasks: [task(fleet.status)] }));
      server.handle('tasks/result', () => DONE);
      server.handle('tasks/cancel', () => task((fleet.status = 'cancelled')));
      fleet.instances.push(server);
      const client = new McpClient({ eraCache: false, server: 'jobs' });
      await client.connect(server.clientTransport, { signal });
      return client;
    },
  };
  return fleet;
}

describe('the tasks of a registry server', () => {
  it('keep a reattached handle working across a reconnect of the server', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 1000 } });
    const jobs = taskServer();
    registry.register({ name: 'jobs', connect: jobs.connect });
    await registry.connectAll();
    const handle: TaskHandle = await registry.tasks('jobs').get(TASK_ID);
    expect(handle.status).toBe('working');

    const reconnecting = events.reaches('jobs', 'reconnecting');
    jobs.instances[0]?.crash(new ConnectionClosedError('the server process exited', { exitCode: 1 }));
    await reconnecting;
    await clock.advance(1000);
    expect(registry.get('jobs')?.state).toBe('connected');

    jobs.status = 'completed';
    expect(await handle.result()).toMatchObject(DONE);
    expect(jobs.instances[1]?.requests('tasks/result')).toEqual([{ taskId: TASK_ID }]);
  });

  it('keep a handle waiting through a reconnect: polls refused meanwhile are tried again at the poll interval', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 1000 } });
    const jobs = taskServer();
    registry.register({ name: 'jobs', connect: jobs.connect });
    await registry.connectAll();
    const handle = await registry.tasks('jobs').get(TASK_ID);
    const result = handle.result();

    const reconnecting = events.reaches('jobs', 'reconnecting');
    jobs.instances[0]?.crash(new ConnectionClosedError('the server process exited', { exitCode: 1 }));
    await reconnecting;
    await until(() => registry.stats('jobs').requests.rejected >= 2, 'two polls refused while the server reconnects');
    await clock.advance(1000);
    expect(registry.get('jobs')?.state).toBe('connected');

    jobs.status = 'completed';
    expect(await result).toMatchObject(DONE);
  });

  it("keep the breaker closed when a task fails or is cancelled: the task's outcome is no fault of the server's", async () => {
    const { registry } = open({ defaults: { breaker: { failureThreshold: 1 } } });
    const jobs = taskServer();
    jobs.status = 'cancelled';
    registry.register({ name: 'jobs', connect: jobs.connect });
    await registry.connectAll();
    const handle = await registry.tasks('jobs').get(TASK_ID);
    await expect(handle.result()).rejects.toMatchObject({ name: 'TaskCancelledError' });
    expect(await registry.tasks('jobs').list()).toMatchObject({ tasks: [{ taskId: TASK_ID }] });
  });

  it("send the task's requests with the registry's requestTimeoutMs", async () => {
    const { registry } = open({ defaults: { requestTimeoutMs: 150 } });
    const jobs = taskServer();
    registry.register({ name: 'jobs', connect: jobs.connect });
    await registry.connectAll();
    jobs.instances[0]?.handle('tasks/get', () => new Promise(() => undefined));
    await expect(registry.tasks('jobs').get(TASK_ID)).rejects.toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 150 });
  });

  it('lists and cancels the tasks of the server', async () => {
    const { registry } = open();
    const jobs = taskServer();
    registry.register({ name: 'jobs', connect: jobs.connect });
    await registry.connectAll();
    const tasks = registry.tasks('jobs');
    expect(await tasks.list()).toMatchObject({ tasks: [{ taskId: TASK_ID, status: 'working', ttlMs: 60000 }] });
    expect(await tasks.cancel(TASK_ID)).toMatchObject({ taskId: TASK_ID, status: 'cancelled' });
  });

  it('refuse a server the registry does not know', async () => {
    const { registry } = open();
    await expect(registry.tasks('nowhere').list()).rejects.toMatchObject({ name: 'ServerNotFoundError' });
  });
});
