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

/** The driver of the task `taskId` of a `method` request on the server `client` is connected to now, sharing `context`. */
export function taskDriverOf(client: McpClient, taskId: string, method: string, context?: TaskDriverContext): Promise<TaskDriver> {
  const tasks = client.tasks;
  if (!(tasks instanceof ConnectionTasks)) {
    return Promise.reject(
      new TypeError(
        `cannot drive task ${taskId}: the client's tasks object was replaced or the client is not an McpClient; pass the McpClient itself, whose client.tasks is made by its constructor`,
      ),
    );
  }
  return tasks.driver(taskId, method, context);
}

/** The tasks of the server `connection` reaches, through whichever era session it has when asked. */
export function clientTasks(connection: ClientConnection): ClientTasks {
  return new ConnectionTasks(connection);
}

/**
 * `client.tasks`: a class, so that a client makes one object for it and no closures; the
 * connection is a private field, out of its public members.
 */
class ConnectionTasks implements ClientTasks {
  readonly #connection: ClientConnection;

  constructor(connection: ClientConnection) {
    this.#connection = connection;
  }

  async get(taskId: string, options: { signal?: AbortSignal | undefined } = {}): Promise<TaskHandle> {
    const handle = await this.#drive(taskId);
    await handle.refresh(options.signal);
    return handle;
  }

  list(options: { cursor?: string | undefined; signal?: AbortSignal | undefined } = {}): Promise<TaskPage> {
    return this.#connection.active('tasks/list', (era) => era.listTasks(options.cursor, { signal: options.signal }));
  }

  async cancel(taskId: string, options: { signal?: AbortSignal | undefined } = {}): Promise<Task | undefined> {
    return (await this.#drive(taskId)).cancel(options.signal);
  }

  /** The driver of the task `taskId` of a `method` request, through the era session of the connection now; for `reattachTask`. */
  async driver(taskId: string, method: string, context?: TaskDriverContext): Promise<TaskDriver> {
    return this.#connection.active('tasks/get', (era) => Promise.resolve(era.taskDriver(taskId, method, context)));
  }

  async #drive(taskId: string): Promise<TaskHandle> {
    return openTaskHandle(await this.driver(taskId, 'tools/call'), { taskId, status: 'working' });
  }
}
