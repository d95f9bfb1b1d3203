import type { CallToolResult } from '@mcpx/core';
import { printJson, type Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { untilAborted } from '../fleet/open-fleet.js';
import { getTask, withServerTasks } from '../fleet/server-tasks.js';
import { printToolResult } from '../output/tool-result.js';
import { ProgressBar } from '../terminal/progress-bar.js';
import { TaskStatusView } from '../terminal/task-status.js';

/**
 * `mcpx tasks result <server> <taskId>`: waits for the task to end, showing its status on stderr,
 * and prints the result of the request it stands for as `mcpx call` does. Ctrl-C stops waiting;
 * the task goes on.
 */
export async function run(context: Context): Promise<number> {
  const [server, taskId] = context.args.positionals as [string, string];
  const label = `task ${taskId}`;
  const result = await withServerTasks(context, server, async (api, fleet) => {
    const handle = await getTask(api, fleet, server, taskId, context.signal);
    const quiet = context.args.flags.get('progress') === false;
    const bar = new ProgressBar(fleet.status, `${server} ${label}`, context.err);
    if (!quiet) bar.start();
    const view = new TaskStatusView(context, label, server, bar, quiet, false);
    view.follow(handle);
    try {
      return await untilAborted(handle.result(context.signal), context.signal);
    } catch (error) {
      if (!context.signal.aborted) throw error;
      bar.stop();
      context.note(
        `${context.err.yellow('mcpx:')} stopped waiting; task ${taskId} goes on on ${server} (mcpx tasks cancel ${server} ${taskId} cancels it)`,
      );
      throw new CliError('', EXIT.interrupted, { cause: error });
    } finally {
      bar.stop();
      view.stop();
    }
  });
  if (!Array.isArray(result.content)) {
    printJson(context, result);
    return EXIT.ok;
  }
  const toolResult = result as unknown as CallToolResult;
  printToolResult(context, toolResult);
  return toolResult.isError === true ? EXIT.failure : EXIT.ok;
}
