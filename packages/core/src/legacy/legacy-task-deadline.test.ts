import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { FakeServer } from '../testing/fake-server.js';
import { TASK_ID, task, taskServer, connect } from '../../test/helpers/legacy-task-server.js';

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
