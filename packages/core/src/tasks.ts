/**
 * @module @mcpx/core/tasks — the tasks extension (SEP-2663) for `McpClient`: a server may answer
 * `tools/call` with a task, which the client polls until it ends; `callTool` returns the final
 * result. A separate entry, as every built-in extension is, so clients that do not use it do not
 * load it. Every export is public API.
 */
export { tasks } from './tasks/tasks-extension.js';
export { TASKS_EXTENSION_ID, DEFAULT_TASK_POLL_INTERVAL_MS, TasksApi } from './internal.js';
export { TaskHandle, TaskCancelledError } from './index.js';

export type { Task, TaskStatus } from './tasks/task.js';
export type { TasksOptions } from './tasks/tasks-api.js';
export type { TaskCancelledErrorOptions } from './errors/task-cancelled-error.js';
