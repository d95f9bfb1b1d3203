import type { ClientTasks } from '@mcpx/core';
import { reattachTask, type TaskRunner } from '@mcpx/core/internal';

/**
 * `client.tasks` for one server of a registry: each request goes to the client that serves the
 * server at that moment, with the registry's checks, breaker and statistics, so the object (and
 * every handle `get` gives) keeps working across the server's reconnects.
 */
export function serverTasks(run: TaskRunner): ClientTasks {
  return {
    get: (taskId, options = {}) => reattachTask(taskId, run, options.signal),
    list: (options = {}) => run('tasks/list', (client) => client.tasks.list(options)),
    cancel: (taskId, options = {}) => run('tasks/cancel', (client) => client.tasks.cancel(taskId, options)),
  };
}
