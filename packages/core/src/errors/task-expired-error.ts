import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.TaskExpiredError');

/** Options of a `TaskExpiredError`. */
export interface TaskExpiredErrorOptions extends LocalErrorOptions {
  /** The identifier of the task. */
  taskId: string;
}

/**
 * A task the client was waiting for is gone: the server no longer knows it (`tasks/get` answered
 * -32602, the server's error being the `cause`), or its `ttlMs` since `createdAt` ran out while it
 * had not ended. Its result is lost; run the request again.
 */
export class TaskExpiredError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TASK_EXPIRED';
  /** The identifier of the task. */
  readonly taskId: string;

  constructor(message: string, options: TaskExpiredErrorOptions) {
    super(message, options);
    this.name = 'TaskExpiredError';
    this.taskId = options.taskId;
  }

  /** True when `error` is a `TaskExpiredError`. */
  static override isInstance(error: unknown): error is TaskExpiredError {
    return hasBrand(error, brand);
  }
}
