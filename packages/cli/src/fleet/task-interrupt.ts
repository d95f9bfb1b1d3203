import type { TaskHandle } from '@mcpx/core';
import type { Context } from '../context.js';
import { terminalPrompter } from '../terminal/prompter.js';
import type { InteractionQueue } from './interaction-queue.js';
import { describeStatus } from '../terminal/task-status.js';

/**
 * Ctrl-C during a call that became a task. When the task outlives this run (`outlives`: a remote
 * server, or a stdio `proxy`), the user decides: at a terminal mcpx asks whether to cancel it
 * (Enter: yes; n, Ctrl-C or Ctrl-D: no); without one, or when the user keeps it, it says how to
 * follow, fetch or cancel it later (`mcpx tasks ...`). A stdio server mcpx started stops with
 * it, and the task with it: that is all there is to say. The question is asked through
 * `interactions`, after the server's questions asked so far and before any asked later.
 */
export async function offerTaskCancel(
  context: Context,
  server: string,
  handle: TaskHandle,
  interactions: InteractionQueue,
  outlives: boolean,
): Promise<void> {
  const { err } = context;
  const id = handle.taskId;
  if (!outlives) {
    context.note(`${err.yellow('mcpx:')} task ${id} ends with ${server}, the stdio server mcpx started and now stops`);
    return;
  }
  if (context.interactive) {
    const answer = await interactions.run(async () => {
      // Ctrl-C or Ctrl-D at the question keeps the task, as n does.
      const prompter = terminalPrompter(context.io.stdin, context.io.stderr, () => undefined);
      return prompter.ask(`Task ${id} goes on on ${server}. Cancel it? [Y/n] `).finally(() => prompter.close());
    });
    if (answer !== undefined && !/^n/i.test(answer.trim())) return cancel(context, server, handle);
  }
  context.note(`${err.yellow('mcpx:')} task ${id} goes on on ${server} (${describeStatus(handle.task)})`);
  context.note(`  cancel it:      mcpx tasks cancel ${server} ${id}`);
  context.note(err.dim(`  its state:      mcpx tasks get ${server} ${id}`));
  context.note(err.dim(`  its result:     mcpx tasks result ${server} ${id}`));
}

async function cancel(context: Context, server: string, handle: TaskHandle): Promise<void> {
  const { err } = context;
  const id = handle.taskId;
  try {
    const task = await handle.cancel();
    if (task === undefined || task.status === 'cancelled')
      context.note(`${err.yellow('mcpx:')} cancelled task ${id} on ${server}${task === undefined ? '' : ` (${describeStatus(task)})`}`);
    else context.note(`${err.yellow('mcpx:')} asked ${server} to cancel task ${id}; the server reports: ${describeStatus(task)}`);
  } catch (error) {
    const ended = await handle.refresh().then(
      (task) => (task.status === 'completed' || task.status === 'failed' || task.status === 'cancelled' ? task : undefined),
      // Its state cannot be had either: the cancel failure is what is reported.
      () => undefined,
    );
    if (ended !== undefined) {
      context.note(`${err.yellow('mcpx:')} task ${id} on ${server} already ended (${describeStatus(ended)})`);
      return;
    }
    context.note(`${err.red('mcpx:')} could not cancel task ${id} on ${server}: ${(error as Error).message}`);
    context.note(`  try again: mcpx tasks cancel ${server} ${id}`);
  }
}
