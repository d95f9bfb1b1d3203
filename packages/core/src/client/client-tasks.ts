import type { TaskPage } from '../era/era-session.js';
import { openTaskHandle, type TaskHandle } from '../tasks/task-handle.js';
import type { Task } from '../tasks/task.js';
import type { TaskDriver, TaskDriverContext } from '../tasks/task-driver.js';
import type { ClientConnection } from './client-connection.js';
import type { McpClient } from './mcp-client.js';

/**
 * The tasks of the server a client is connected to, in either era (`client.tasks`): reattach to a
 * task by its identifier (after a reconnect, or from another process while the server still
 * holds the task), list them, cancel one. On a 2026-07-28 server they need the tasks extension
 * registered (`extensions: [tasks()]` from `@mcpx/core/tasks`).
 * @example
 * const handle = await client.tasks.get(savedTaskId);
 * for await (const state of handle.changes()) console.log(state.status, state.statusMessage);
 * const result = await handle.result();
 */
export interface ClientTasks {
  /**
   * A handle on the task `taskId`, with its state fetched from the server (`tasks/get`): a
   * `ProtocolError` (-32602) when the server does not know it, or no longer (its ttl ran out).
   */
  get(taskId: string, options?: { signal?: AbortSignal | undefined }): Promise<TaskHandle>;
  /**
   * One page of the server's tasks (2025-11-25 `tasks/list`; give the `nextCursor` of a page for
   * the next one); a `CapabilityError` where the server has no listing (it did not declare
   * `tasks.list`, or speaks 2026-07-28, whose tasks extension has none).
   */
  list(options?: { cursor?: string | undefined; signal?: AbortSignal | undefined }): Promise<TaskPage>;
  /**
   * Asks the server to cancel the task `taskId` (`tasks/cancel`); resolves with its state when the
   * server answers with one (2025-11-25), undefined when it only acknowledges (2026-07-28).
   */
  cancel(taskId: string, options?: { signal?: AbortSignal | undefined }): Promise<Task | undefined>;
}

/** How each `client.tasks` makes task drivers, kept out of its public members: for `reattachTask`. */
const drivers = new WeakMap<ClientTasks, (taskId: string, method: string, context?: TaskDriverContext) => Promise<TaskDriver>>();

/** The driver of the task `taskId` of a `method` request on the server `client` is connected to now, sharing `context`. */
export function taskDriverOf(client: McpClient, taskId: string, method: string, context?: TaskDriverContext): Promise<TaskDriver> {
  const driver = drivers.get(client.tasks);
  if (driver === undefined) {
    return Promise.reject(
      new TypeError(
        `cannot drive task ${taskId}: the client's tasks object was replaced or the client is not an McpClient; pass the McpClient itself, whose client.tasks is made by its constructor`,
      ),
    );
  }
  return driver(taskId, method, context);
}

/** The tasks of the server `connection` reaches, through whichever era session it has when asked. */
export function clientTasks(connection: ClientConnection): ClientTasks {
  const driver = async (taskId: string, method: string, context?: TaskDriverContext): Promise<TaskDriver> =>
    connection.active('tasks/get', (era) => Promise.resolve(era.taskDriver(taskId, method, context)));
  const drive = async (taskId: string): Promise<TaskHandle> =>
    openTaskHandle(await driver(taskId, 'tools/call'), { taskId, status: 'working' });
  const tasks: ClientTasks = {
    async get(taskId, options = {}) {
      const handle = await drive(taskId);
      await handle.refresh(options.signal);
      return handle;
    },
    list: (options = {}) => connection.active('tasks/list', (era) => era.listTasks(options.cursor, { signal: options.signal })),
    async cancel(taskId, options = {}) {
      return (await drive(taskId)).cancel(options.signal);
    },
  };
  drivers.set(tasks, driver);
  return tasks;
}
