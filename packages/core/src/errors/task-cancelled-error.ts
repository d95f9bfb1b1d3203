import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.TaskCancelledError');

/** Options of a `TaskCancelledError`. */
export interface TaskCancelledErrorOptions extends LocalErrorOptions {
  /** The identifier of the task. */
  taskId: string;
}

/**
 * A task (either era) ended `cancelled` without this client aborting the wait:
 * the request it stood for has no result. A wait the caller aborts fails with `CancelledError` instead.
 */
export class TaskCancelledError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TASK_CANCELLED';
  /** The identifier of the task. */
  readonly taskId: string;

  constructor(message: string, options: TaskCancelledErrorOptions) {
    super(message, options);
    this.name = 'TaskCancelledError';
    this.taskId = options.taskId;
  }

  /** True when `error` is a `TaskCancelledError`. */
  static override isInstance(error: unknown): error is TaskCancelledError {
    return hasBrand(error, brand);
  }
}
