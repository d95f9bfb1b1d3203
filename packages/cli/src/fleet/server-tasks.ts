import type { ClientTasks, Task, TaskHandle } from '@mcpx/core';
import type { ServerConfig } from '@mcpx/factory';
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

/** Whether a server's tasks outlive this run of mcpx: a remote server's do, a stdio server's only when it is a `proxy`. */
export function tasksOutliveRun(config: ServerConfig | undefined): boolean {
  return config === undefined || config.transport !== 'stdio' || config.proxy === true;
}

/** `tasks/get` of `taskId`, with a -32602 answer (the server does not know the task) said plainly (see `explainUnknownTask`). */
export async function getTask(tasks: ServerTasks, fleet: Fleet, server: string, taskId: string, signal: AbortSignal): Promise<TaskHandle> {
  return tasks.get(taskId, { signal }).catch(async (error: unknown) => {
    throw await explainUnknownTask(error, server, taskId, fleet);
  });
}

/**
 * `tasks/cancel` of `taskId`. A -32602 answer is what a server gives for a task that already
 * ended (or one it does not know): then the task is fetched, and `ended` is its final state.
 */
export async function cancelTask(
  tasks: ServerTasks,
  fleet: Fleet,
  server: string,
  taskId: string,
  signal: AbortSignal,
): Promise<{ task: Task | undefined; ended: boolean }> {
  try {
    return { task: await tasks.cancel(taskId, { signal }), ended: false };
  } catch (error) {
    if (!(await isInvalidParams(error))) throw error;
    const handle = await getTask(tasks, fleet, server, taskId, signal);
    if (!isFinal(handle.task)) throw error;
    return { task: handle.task, ended: true };
  }
}

/** A -32602 answer about `taskId` (the server does not know it) as a message that says what to do; other errors as they are. */
export async function explainUnknownTask(error: unknown, server: string, taskId: string, fleet: Fleet): Promise<unknown> {
  if (!(await isInvalidParams(error))) return error;
  const config = fleet.servers.find((item) => item.name === server);
  const why = tasksOutliveRun(config)
    ? 'it may have expired, or run on another server'
    : 'mcpx starts a new process of this stdio server each run, and it knows only the tasks of this run';
  const { message } = error as Error;
  return new CliError(`${server} does not know task ${taskId}: ${why} (${message})`, EXIT.failure, {
    cause: error,
    hint: tasksOutliveRun(config)
      ? `mcpx tasks list ${server} lists the tasks it holds`
      : `set "proxy": true on ${server} in the config if its command relays to a server that outlives it (mcp-remote)`,
  });
}

async function isInvalidParams(error: unknown): Promise<boolean> {
  const { ProtocolError, ErrorCode } = await import('@mcpx/core');
  return ProtocolError.isInstance(error) && error.code === ErrorCode.InvalidParams;
}

function isFinal(task: Task): boolean {
  return task.status === 'completed' || task.status === 'failed' || task.status === 'cancelled';
}
