import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { FakeServer } from '../testing/fake-server.js';
import { until } from '../../../test-utils/src/until.js';
import { TASK_ID, DONE, task, taskServer } from '../../test/helpers/legacy-task-server.js';

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
