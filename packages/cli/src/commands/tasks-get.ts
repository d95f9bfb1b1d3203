import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { getTask, withServerTasks } from '../fleet/server-tasks.js';
import { renderTask } from '../output/task-view.js';

/** `mcpx tasks get <server> <taskId>`: the task's state now. */
export async function run(context: Context): Promise<number> {
  const [server, taskId] = context.args.positionals as [string, string];
  const task = await withServerTasks(
    context,
    server,
    async (api, fleet) => (await getTask(api, fleet, server, taskId, context.signal)).task,
  );
  if (context.json) printJson(context, { server, task });
  else context.print(renderTask(task, context.out));
  return EXIT.ok;
}
