import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.TaskTimeoutError');

/** Options of a `TaskTimeoutError`. */
export interface TaskTimeoutErrorOptions extends LocalErrorOptions {
  /** The identifier of the task. */
  taskId: string;
  /** The limit that was reached, in milliseconds. */
  timeoutMs: number;
  /** The setting that set it: `maxTotalTimeoutMs`, or the request context's `ttlMs`. */
  setting: string;
}

/**
 * A call that became a task did not end within its deadline (the call's `maxTotalTimeoutMs`, or
 * its request context's `ttlMs`). The task itself goes on on the server: reattach to it with
 * `client.tasks.get(error.taskId)` to wait again, or cancel it.
 */
export class TaskTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TASK_TIMEOUT';
  /** The identifier of the task, to reattach to. */
  readonly taskId: string;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** The setting to raise. */
  readonly setting: string;

  constructor(options: TaskTimeoutErrorOptions) {
    const { taskId, timeoutMs, setting } = options;
    super(
      `task ${taskId} did not end within ${timeoutMs} ms (${setting}); it goes on on the server: wait again with client.tasks.get(${JSON.stringify(taskId)}) (registry.tasks(server).get through a registry), cancel it, or raise ${setting}`,
      options,
    );
    this.name = 'TaskTimeoutError';
    this.taskId = taskId;
    this.timeoutMs = timeoutMs;
    this.setting = setting;
  }

  /** True when `error` is a `TaskTimeoutError`. */
  static override isInstance(error: unknown): error is TaskTimeoutError {
    return hasBrand(error, brand);
  }
}
