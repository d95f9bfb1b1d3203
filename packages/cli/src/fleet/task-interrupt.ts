import type { TaskHandle } from '@mcpx/core';
import type { Context } from '../context.js';
import { terminalPrompter } from '../terminal/prompter.js';
import type { InteractionQueue } from './interaction-queue.js';
import { describeStatus } from '../terminal/task-status.js';

/**
 * Ctrl-C during a call that became a task: the task goes on on the server, so the user decides.
 * At a terminal mcpx asks whether to cancel it (Enter: yes); without one, or when the user keeps
 * it, it says how to follow, fetch or cancel it later (`mcpx tasks ...`). The question waits for
 * the server's questions (`interactions`) to be over.
 */
export async function offerTaskCancel(context: Context, server: string, handle: TaskHandle, interactions: InteractionQueue): Promise<void> {
  const { err } = context;
  const id = handle.taskId;
  if (context.interactive) {
    // A form the server asked for is dismissed by the same Ctrl-C: let it close first.
    await interactions.idle();
    // Ctrl-C or Ctrl-D at the question keeps the task, as n does.
    const prompter = terminalPrompter(context.io.stdin, context.io.stderr, () => undefined);
    const answer = await prompter.ask(`Task ${id} goes on on ${server}. Cancel it? [Y/n] `).finally(() => prompter.close());
    if (answer !== undefined && !/^n/i.test(answer.trim())) return cancel(context, server, handle);
  }
  context.note(`${err.yellow('mcpx:')} task ${id} goes on on ${server} (${describeStatus(handle.task)})`);
  context.note(`  cancel it:      mcpx tasks cancel ${server} ${id}`);
  context.note(err.dim(`  its state:      mcpx tasks get ${server} ${id}`));
  context.note(err.dim(`  its result:     mcpx tasks result ${server} ${id}`));
}

async function cancel(context: Context, server: string, handle: TaskHandle): Promise<void> {
  const { err } = context;
  try {
    const task = await handle.cancel();
    context.note(
      `${err.yellow('mcpx:')} cancelled task ${handle.taskId} on ${server}${task === undefined ? '' : ` (${describeStatus(task)})`}`,
    );
  } catch (error) {
    context.note(`${err.red('mcpx:')} could not cancel task ${handle.taskId} on ${server}: ${(error as Error).message}`);
    context.note(`  try again: mcpx tasks cancel ${server} ${handle.taskId}`);
  }
}
