import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { withServerTasks } from '../fleet/server-tasks.js';
import { describeStatus } from '../terminal/task-status.js';

/** `mcpx tasks cancel <server> <taskId>`: asks the server to cancel the task, and shows the state it reports. */
export async function run(context: Context): Promise<number> {
  const [server, taskId] = context.args.positionals as [string, string];
  const task = await withServerTasks(context, server, (api) => api.cancel(taskId, { signal: context.signal }), taskId);
  if (context.json) printJson(context, { server, taskId, task: task ?? null });
  else context.print(`cancelled task ${taskId} on ${server}${task === undefined ? '' : ` (${describeStatus(task)})`}\n`);
  return EXIT.ok;
}
