import type { ExtensionHost } from '../extensions/extension.js';
import { TaskHandle } from './task-handle.js';
import type { Task } from './task.js';

/** Options of the tasks extension. */
export interface TasksOptions {
  /**
   * The interval between polls of a task whose server suggests none (`pollIntervalMs`), in
   * milliseconds. @default 1000
   */
  defaultPollIntervalMs?: number | undefined;
  /**
   * Called when the server answers a request with a task, before the client starts waiting for it:
   * show its progress (`handle.changes()`), or keep `handle.taskId` to resume after a restart.
   * @default none
   */
  onTask?: ((handle: TaskHandle, request: { method: string; params: Record<string, unknown> | undefined }) => void) | undefined;
}

/** The default of `TasksOptions.defaultPollIntervalMs`. */
export const DEFAULT_TASK_POLL_INTERVAL_MS = 1000;

/**
 * The tasks extension's API on one client (`client.extension(tasksExtension)`): a handle on any
 * task by its identifier, such as one kept from before a restart.
 */
export class TasksApi {
  /** @internal Made by the tasks extension. */
  constructor(
    private readonly host: ExtensionHost,
    private readonly options: TasksOptions,
  ) {}

  /**
   * A handle on the task `taskId`, with its state fetched from the server (`tasks/get`); `method`
   * names the request the task stands for in errors. @default method 'tools/call'
   */
  async task(taskId: string, options: { method?: string; signal?: AbortSignal } = {}): Promise<TaskHandle> {
    const handle = taskHandle(this.host, { taskId, status: 'working' }, options.method ?? 'tools/call', this.options);
    await handle.refresh(options.signal);
    return handle;
  }
}

/** A handle on the task `seed` of the request `method`, polling as `options` say. */
export function taskHandle(host: ExtensionHost, seed: Task, method: string, options: TasksOptions): TaskHandle {
  return new TaskHandle(host, seed, { method, defaultPollIntervalMs: options.defaultPollIntervalMs ?? DEFAULT_TASK_POLL_INTERVAL_MS });
}
