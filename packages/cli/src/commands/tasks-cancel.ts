import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cancelTask, withServerTasks } from '../fleet/server-tasks.js';
import { describeStatus } from '../terminal/task-status.js';

/**
 * `mcpx tasks cancel <server> <taskId>`: asks the server to cancel the task, and shows the state it
 * reports; a task that already ended is said to have, with its final state.
 */
export async function run(context: Context): Promise<number> {
  const [server, taskId] = context.args.positionals as [string, string];
  const { task, ended } = await withServerTasks(context, server, (api, fleet) => cancelTask(api, fleet, server, taskId, context.signal));
  if (context.json) printJson(context, { server, taskId, task: task ?? null, ...(ended ? { alreadyEnded: true } : {}) });
  else if (ended) context.print(`task ${taskId} on ${server} already ended (${describeStatus(task!)})\n`);
  else if (task === undefined || task.status === 'cancelled')
    context.print(`cancelled task ${taskId} on ${server}${task === undefined ? '' : ` (${describeStatus(task)})`}\n`);
  else context.print(`asked ${server} to cancel task ${taskId}; the server reports: ${describeStatus(task)}\n`);
  return EXIT.ok;
}
