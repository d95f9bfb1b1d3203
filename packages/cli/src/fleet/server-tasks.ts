import type { McpRegistry } from '@mcpx/registry';
import type { Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { downExitCode, explainDown } from './down.js';
import { openFleet, type Fleet } from './open-fleet.js';

/** The tasks API of one server (`registry.tasks(name)`): get, list, cancel. */
export type ServerTasks = ReturnType<McpRegistry['tasks']>;

/**
 * Connects the one server that `mcpx tasks <verb> <server>` names and runs `work` with its tasks
 * API; the fleet is closed afterwards. Throws, with the exit code for servers that are down, when
 * the server could not be reached.
 */
export async function withServerTasks<T>(
  context: Context,
  server: string,
  work: (tasks: ServerTasks, fleet: Fleet) => Promise<T>,
): Promise<T> {
  const fleet = await openFleet(context, { select: [server] });
  try {
    const view = fleet.registry.get(server)!;
    if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
    return await work(fleet.registry.tasks(server), fleet);
  } finally {
    await fleet.close();
  }
}
