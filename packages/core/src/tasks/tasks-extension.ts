import { ConfigError, InvalidResponseError } from '../index.js';
import type { ClientExtension, ResultTypeContext } from '../extensions/extension.js';
import { parseTask, resultWithin, taskHandle, TASK_METHODS, TASKS_EXTENSION_ID, TasksApi } from '../internal.js';
import type { TaskHandle } from './task-handle.js';
import type { TasksOptions } from './tasks-api.js';

/**
 * The tasks extension (SEP-2663, `io.modelcontextprotocol/tasks`): register it with a client and a
 * server may answer `tools/call` with a task instead of a result. `callTool` then waits for the
 * task, polling `tasks/get` at the interval the server suggests and answering the task's input
 * requests with the client's handlers, and returns the final result; aborting the call's signal
 * sends `tasks/cancel`. `onTask` and `client.extension(tasksExtension).task(taskId)` give a
 * `TaskHandle` on a task for finer control.
 * @example
 * const tasksExtension = tasks({ onTask: (task) => console.log('running as task', task.taskId) });
 * const client = new McpClient({ extensions: [tasksExtension] });
 * await client.connect(transport);
 * const result = await client.callTool('build', {});  // the final result, however long it runs
 * const resumed = await client.extension(tasksExtension).task(savedTaskId);
 * for await (const state of resumed.changes()) console.log(state.status, state.statusMessage);
 */
export function tasks(options: TasksOptions = {}): ClientExtension<TasksApi> {
  const interval = options.defaultPollIntervalMs;
  if (interval !== undefined && !(Number.isFinite(interval) && interval >= 0)) {
    throw new ConfigError(`defaultPollIntervalMs must be a finite number of milliseconds, 0 or more; got ${String(interval)}`, {
      operation: 'creating the tasks extension',
    });
  }
  return {
    id: TASKS_EXTENSION_ID,
    methods: ['tasks/get', 'tasks/update', 'tasks/cancel'],
    resultTypes: { task: (result, context) => waitForTask(result, context, options) },
    create: (host) => new TasksApi(host, options),
  };
}

/** The result of the request a `CreateTaskResult` stands for, once the task ends; `tasks/cancel` when the caller aborts. */
async function waitForTask(
  result: Record<string, unknown>,
  context: ResultTypeContext,
  options: TasksOptions,
): Promise<Record<string, unknown>> {
  const { method, params, signal, host } = context;
  if (!TASK_METHODS.has(method)) {
    throw new InvalidResponseError(
      `the server answered ${method} with a task, but the tasks extension allows tasks only for ${[...TASK_METHODS].join(', ')}`,
      { server: host.server, method },
    );
  }
  const handle = taskHandle(host, parseTask(result, { server: host.server, method }), method, options);
  try {
    options.onTask?.(handle, { method, params });
    context.options.onTask?.(handle);
  } catch (error) {
    // Nobody will wait for the task: it is cancelled rather than left running on the server.
    abandon(handle);
    throw error;
  }
  try {
    return await resultWithin(handle, context.options, host.server);
  } catch (error) {
    if (signal?.aborted === true) abandon(handle);
    throw error;
  }
}

/** Cancels a task nobody waits for any more (the call was aborted, an `onTask` threw), best effort. */
function abandon(handle: TaskHandle): void {
  // The caller already has its error, and cancelling is cooperative anyway; the extension's tasks/cancel needs no capability beyond it.
  void handle.cancel().catch(() => undefined);
}
