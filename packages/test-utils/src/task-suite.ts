import { McpClient, type McpClientOptions, type Task, type TaskHandle } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportFactory } from './feature-suite.js';

/** server-everything's task tool (`execution.taskSupport: "required"`), about four seconds long. */
const RESEARCH = 'simulate-research-query';

function text(result: { content: Array<{ type: string }> }): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

/**
 * The 2025-11-25 tasks suite: task-augmented `tools/call`, `tasks/get` polling, `tasks/result`
 * (and the elicitation it carries), `tasks/cancel`, against server-everything's
 * `simulate-research-query` over whichever transport `makeTransport` builds. Each transport
 * package runs it once.
 */
export function describeTaskSuite(transportName: string, makeTransport: TransportFactory): void {
  describe(`tasks over ${transportName} against server-everything`, () => {
    const clients: McpClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    async function connect(options: McpClientOptions = {}): Promise<McpClient> {
      const client = new McpClient({ server: 'everything', ...options });
      clients.push(client);
      await client.connect(await makeTransport());
      return client;
    }

    it('runs a tool that requires a task as one, and callTool returns its final result', async () => {
      const client = await connect();
      const handles: TaskHandle[] = [];
      const result = await client.callTool(RESEARCH, { topic: 'tides' }, { onTask: (handle) => handles.push(handle) });
      expect(text(result)).toContain('# Research Report: tides');
      // Followed to its end by polls or by the server's status notifications: when the server pushes
      // a state before every poll interval ends, no tasks/get is needed, so the count of polls is not asserted.
      expect(handles.map((handle) => handle.status)).toEqual(['completed']);
      expect(client.metrics().methods['tasks/result']?.succeeded).toBe(1);
    });

    it('gives onTask the handle, whose changes follow the stages to completed', async () => {
      const client = await connect();
      let given: (handle: TaskHandle) => void = () => undefined;
      const handed = new Promise<TaskHandle>((resolve) => (given = resolve));
      const call = client.callTool(RESEARCH, { topic: 'tides' }, { onTask: (handle) => given(handle) });
      const handle = await handed;
      expect(handle.taskId).toEqual(expect.any(String));
      const seen: Task[] = [];
      for await (const task of handle.changes()) seen.push(task);
      expect(seen.at(-1)?.status).toBe('completed');
      expect(seen.map((task) => task.statusMessage)).toEqual(expect.arrayContaining(['Generating report...']));
      expect(text(await call)).toContain('tides');
    });

    it('answers the elicitation an ambiguous query sends through tasks/result with the elicitation handler', async () => {
      const asked: string[] = [];
      const client = await connect({
        elicitation: (params) => {
          asked.push(params.message);
          return { action: 'accept', content: { interpretation: 'snake' } };
        },
      });
      const result = await client.callTool(RESEARCH, { topic: 'python', ambiguous: true });
      expect(asked).toEqual([expect.stringContaining('"python" could have multiple interpretations')]);
      expect(text(result)).toContain('# Research Report: python (snake)');
    });

    it('cancels the task through its handle, and the call rejects with TaskCancelledError', async () => {
      const client = await connect();
      let given: (handle: TaskHandle) => void = () => undefined;
      const handed = new Promise<TaskHandle>((resolve) => (given = resolve));
      const call = client.callTool(RESEARCH, { topic: 'tides' }, { onTask: (handle) => given(handle) });
      const handle = await handed;
      const outcome = expect(call).rejects.toMatchObject({ name: 'TaskCancelledError', taskId: handle.taskId });
      expect(await handle.cancel()).toMatchObject({ taskId: handle.taskId, status: 'cancelled' });
      await outcome;
    });

    it('reattaches to the task by its identifier, lists it, and cancels it by its identifier', async () => {
      const client = await connect();
      let given: (taskId: string) => void = () => undefined;
      const started = new Promise<string>((resolve) => (given = resolve));
      const call = client.callTool(RESEARCH, { topic: 'tides' }, { onTask: (handle) => given(handle.taskId) });
      const taskId = await started;
      const outcome = expect(call).rejects.toMatchObject({ name: 'TaskCancelledError', taskId });
      const reattached = await client.tasks.get(taskId);
      expect(reattached.taskId).toBe(taskId);
      expect((await client.tasks.list()).tasks.map((task) => task.taskId)).toContain(taskId);
      expect(await client.tasks.cancel(taskId)).toMatchObject({ taskId, status: 'cancelled' });
      await expect(reattached.result()).rejects.toMatchObject({ name: 'TaskCancelledError', taskId });
      await outcome;
    });

    it('refuses to call a tool that requires a task without one', async () => {
      const client = await connect();
      await expect(client.callTool(RESEARCH, { topic: 'tides' }, { task: false })).rejects.toMatchObject({
        name: 'ConfigError',
        message: expect.stringMatching(/can only run as a task/),
      });
    });

    it('refuses to run a tool that forbids tasks as one', async () => {
      const client = await connect();
      await expect(client.callTool('echo', { message: 'hi' }, { task: true })).rejects.toMatchObject({
        name: 'ConfigError',
        message: expect.stringMatching(/"echo" cannot run as a task/),
      });
    });
  });
}
