import { ConfigError } from '../../errors/config-error.js';
import { integerOption } from '../../util/integer-option.js';

/** The longest delay a timer can wait (2^31 - 1 ms, about 24.8 days): the upper bound of `maxTtlMs`. */
export const MAX_TASK_TTL_MS = 2_147_483_647;

/** The shortest ttl a task is granted (unless `maxTtlMs` is shorter), so a server can poll it at least once. */
export const MIN_GRANTED_TTL_MS = 1_000;

/**
 * How the client runs a server's task-augmented `sampling/createMessage` and `elicitation/create`
 * requests (2025-11-25): how long it keeps a task, how often it suggests polling, how many tasks
 * it holds for one server.
 */
export interface TaskReceiverOptions {
  /**
   * Longest a task is kept after its creation, in milliseconds, from 1 to 2147483647 (2^31 - 1,
   * about 24.8 days): a longer `ttl` the server asks for is cut to it, and a request without one
   * gets it. A shorter `ttl` is raised to at least twice `pollIntervalMs` and at least one second
   * (but never above `maxTtlMs`), so the server can poll the task before it is gone. A task is
   * dropped (its handler aborted if it still runs) once its ttl has passed. @default 3600000 (one hour)
   */
  maxTtlMs?: number;
  /** The `pollInterval` the client suggests to the server, in milliseconds. @default 1000 */
  pollIntervalMs?: number;
  /**
   * Most tasks the client runs for one server at once (tasks still `working`); a task-augmented
   * request beyond it is refused with -32603. @default 100
   */
  maxTasks?: number;
  /**
   * Most finished tasks (`completed`, `failed` or `cancelled`) the client keeps for one server
   * before their ttl ends. Beyond it, cancelled tasks are dropped first, then the oldest whose
   * result the server fetched with `tasks/result`; while it is full of results not yet fetched,
   * a task-augmented request is refused with -32603. @default 100
   */
  maxFinishedTasks?: number;
  /** Most tasks in one page of `tasks/list`. @default 50 */
  pageSize?: number;
}

/** The defaults of `TaskReceiverOptions`. */
export const TASK_RECEIVER_DEFAULTS: Required<TaskReceiverOptions> = {
  maxTtlMs: 3_600_000,
  pollIntervalMs: 1_000,
  maxTasks: 100,
  maxFinishedTasks: 100,
  pageSize: 50,
};

/**
 * The options of `taskReceiver` with their defaults; a `ConfigError` naming the option when one is
 * not an integer in its range (`pollIntervalMs` at least 0, `maxTasks`, `maxFinishedTasks` and
 * `pageSize` at least 1, `maxTtlMs` from 1 to `MAX_TASK_TTL_MS`).
 */
export function resolveTaskReceiverOptions(
  options: boolean | TaskReceiverOptions | undefined,
  server: string | undefined,
): Required<TaskReceiverOptions> {
  const given = typeof options === 'object' ? options : {};
  const fail = (message: string): never => {
    throw new ConfigError(`new McpClient(options): ${message}`, { server });
  };
  const read = (key: keyof TaskReceiverOptions, min: number, max?: number): number =>
    integerOption(
      `taskReceiver.${key}`,
      given[key],
      { fallback: TASK_RECEIVER_DEFAULTS[key], min, ...(max === undefined ? {} : { max }) },
      fail,
    );
  return {
    maxTtlMs: read('maxTtlMs', 1, MAX_TASK_TTL_MS),
    pollIntervalMs: read('pollIntervalMs', 0),
    maxTasks: read('maxTasks', 1),
    maxFinishedTasks: read('maxFinishedTasks', 1),
    pageSize: read('pageSize', 1),
  };
}
