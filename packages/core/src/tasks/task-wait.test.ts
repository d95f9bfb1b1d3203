import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { TASK_ID, DONE, state, taskServer, sent, connect } from '../../test/helpers/task-server.js';

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
