import type { ExtensionHost } from '../extensions/extension.js';
import { ModernTaskDriver } from './modern-task-driver.js';
import type { TaskDriver, TaskDriverContext, TaskDriverSource } from './task-driver.js';
import { openTaskHandle, type TaskHandle } from './task-handle.js';
import { DEFAULT_TASK_POLL_INTERVAL_MS, type Task } from './task.js';

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

/**
 * The tasks extension's API on one client (`client.extension(tasksExtension)`): a handle on any
 * task by its identifier, such as one kept from before a restart.
 */
export class TasksApi {
  /** @internal Made by the tasks extension. */
  constructor(
    private readonly host: ExtensionHost,
    private readonly options: TasksOptions,
  ) {
    driverSources.set(this, { taskDriver: (taskId, method, context) => taskDriver(host, taskId, method, options, context) });
  }

  /**
   * A handle on the task `taskId`, with its state fetched from the server (`tasks/get`); `method`
   * names the request the task stands for in errors. @default method 'tools/call'
   */
  async task(taskId: string, options: { method?: string; signal?: AbortSignal } = {}): Promise<TaskHandle> {
    const handle = openTaskHandle(taskDriver(this.host, taskId, options.method ?? 'tools/call', this.options), {
      taskId,
      status: 'working',
    });
    await handle.refresh(options.signal);
    return handle;
  }
}

/** How `client.tasks` drives the tasks of each `TasksApi` on a 2026-07-28 server, kept out of its public members. */
const driverSources = new WeakMap<object, TaskDriverSource>();

/** What drives tasks through `api`, when it is a `TasksApi`. */
export function taskDriverSource(api: unknown): TaskDriverSource | undefined {
  return typeof api === 'object' && api !== null ? driverSources.get(api) : undefined;
}

/** The driver of the task `taskId` of the request `method`, polling as `options` say, sharing `context` with its other drivers. */
function taskDriver(host: ExtensionHost, taskId: string, method: string, options: TasksOptions, context?: TaskDriverContext): TaskDriver {
  return new ModernTaskDriver(host, taskId, method, options.defaultPollIntervalMs ?? DEFAULT_TASK_POLL_INTERVAL_MS, context);
}

/** A handle on the task `seed` of the request `method`, polling as `options` say. */
export function taskHandle(host: ExtensionHost, seed: Task, method: string, options: TasksOptions): TaskHandle {
  return openTaskHandle(taskDriver(host, seed.taskId, method, options), seed);
}
