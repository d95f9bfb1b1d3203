import { ConfigError } from '../errors/config-error.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { TaskDriver, TaskDriverContext } from '../tasks/task-driver.js';
import { taskDriverSource } from '../tasks/tasks-api.js';
import { TASKS_EXTENSION_ID } from '../tasks/task.js';

/**
 * What drives a task on a 2026-07-28 server: the tasks extension registered with the client
 * (`extensions: [tasks()]`), which alone knows its methods; a `ConfigError` without it.
 */
export function modernTaskDriver(
  extensions: ExtensionRegistry,
  taskId: string,
  method: string,
  server: string | undefined,
  context?: TaskDriverContext,
): TaskDriver {
  const source = taskDriverSource(extensions.apiOf(TASKS_EXTENSION_ID));
  if (source === undefined) {
    throw new ConfigError(
      `task ${taskId} is on a 2026-07-28 server, whose tasks are the tasks extension's; register it with \`new McpClient({ extensions: [tasks()] })\` (tasks from @mcpx/core/tasks)`,
      { server, method: 'tasks/get' },
    );
  }
  return source.taskDriver(taskId, method, context);
}
