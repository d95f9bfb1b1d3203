import type { ClientTasks } from '@mcpx/core';
import type { Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode, explainDown } from './down.js';
import { openFleet, type Fleet } from './open-fleet.js';

/** The tasks API of one server: get, list, cancel. */
export type ServerTasks = ClientTasks;

/**
 * Connects the one server that `mcpx tasks <verb> <server>` names and runs `work` with its tasks
 * API; the fleet is closed afterwards. Throws, with the exit code for servers that are down, when
 * the server could not be reached; with `taskId`, says so plainly when the server does not know it.
 */
export async function withServerTasks<T>(
  context: Context,
  server: string,
  work: (tasks: ServerTasks, fleet: Fleet) => Promise<T>,
  taskId?: string,
): Promise<T> {
  const fleet = await openFleet(context, { select: [server] });
  try {
    const view = fleet.registry.get(server)!;
    if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
    return await work(fleet.registry.tasks(server), fleet).catch(async (error: unknown) => {
      throw taskId === undefined ? error : await explainUnknownTask(error, server, taskId);
    });
  } finally {
    await fleet.close();
  }
}

/** A -32602 answer about `taskId` (the server does not know it) as a message that says what to do; other errors as they are. */
export async function explainUnknownTask(error: unknown, server: string, taskId: string): Promise<unknown> {
  const { ProtocolError, ErrorCode } = await import('@mcpx/core');
  if (!ProtocolError.isInstance(error) || error.code !== ErrorCode.InvalidParams) return error;
  return new CliError(
    `${server} does not know task ${taskId}: it may have expired, or run on another server (${error.message})`,
    EXIT.failure,
    {
      cause: error,
      hint: `mcpx tasks list ${server} lists the tasks it holds`,
    },
  );
}
