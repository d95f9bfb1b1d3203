import type { Task } from '@mcpx/core';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { withServerTasks } from '../fleet/server-tasks.js';
import { renderTable } from '../output/table.js';
import { paintStatus } from '../output/task-view.js';

/** `mcpx tasks list <server>`: the tasks the server holds for this client, every page. */
export async function run(context: Context): Promise<number> {
  const [server] = context.args.positionals as [string];
  const tasks = await withServerTasks(context, server, async (api) => {
    const all: Task[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.list({ ...(cursor === undefined ? {} : { cursor }), signal: context.signal });
      all.push(...page.tasks);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return all;
  });
  if (context.json) {
    printJson(context, { server, tasks });
    return EXIT.ok;
  }
  if (tasks.length === 0) {
    context.note(context.err.dim(`${server} holds no tasks`));
    return EXIT.ok;
  }
  const { out } = context;
  const rows = tasks.map((task) => [
    task.taskId,
    paintStatus(task.status, out),
    task.lastUpdatedAt ?? task.createdAt ?? '',
    task.statusMessage ?? '',
  ]);
  const columns = [{ header: 'TASK' }, { header: 'STATUS' }, { header: 'UPDATED' }, { header: 'MESSAGE', flexible: true }];
  context.print(renderTable(columns, rows, out, context.width));
  return EXIT.ok;
}
