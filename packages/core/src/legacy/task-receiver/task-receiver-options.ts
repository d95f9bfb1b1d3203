import { ConfigError } from '../../errors/config-error.js';
import { integerOption } from '../../util/integer-option.js';

/**
 * How the client runs a server's task-augmented `sampling/createMessage` and `elicitation/create`
 * requests (2025-11-25): how long it keeps a task, how often it suggests polling, how many tasks
 * it holds for one server.
 */
export interface TaskReceiverOptions {
  /**
   * Longest a task is kept after its creation, in milliseconds: a longer `ttl` the server asks for
   * is cut to it, and a request without one gets it. A task is dropped (its handler aborted if it
   * still runs) once its ttl has passed. @default 3600000 (one hour)
   */
  maxTtlMs?: number;
  /** The `pollInterval` the client suggests to the server, in milliseconds. @default 1000 */
  pollIntervalMs?: number;
  /**
   * Most tasks the client holds for one server at once, running or finished but not yet expired; a
   * task-augmented request beyond it is refused with -32603. @default 100
   */
  maxTasks?: number;
  /** Most tasks in one page of `tasks/list`. @default 50 */
  pageSize?: number;
}

/** The defaults of `TaskReceiverOptions`. */
export const TASK_RECEIVER_DEFAULTS: Required<TaskReceiverOptions> = {
  maxTtlMs: 3_600_000,
  pollIntervalMs: 1_000,
  maxTasks: 100,
  pageSize: 50,
};

/**
 * The options of `taskReceiver` with their defaults; a `ConfigError` naming the option when one is
 * not an integer in its range (`pollIntervalMs` at least 0, `maxTtlMs`, `maxTasks` and `pageSize`
 * at least 1).
 */
export function resolveTaskReceiverOptions(
  options: boolean | TaskReceiverOptions | undefined,
  server: string | undefined,
): Required<TaskReceiverOptions> {
  const given = typeof options === 'object' ? options : {};
  const fail = (message: string): never => {
    throw new ConfigError(`new McpClient(options): ${message}`, { server });
  };
  const read = (key: keyof TaskReceiverOptions, min: number): number =>
    integerOption(`taskReceiver.${key}`, given[key], { fallback: TASK_RECEIVER_DEFAULTS[key], min }, fail);
  return {
    maxTtlMs: read('maxTtlMs', 0),
    pollIntervalMs: read('pollIntervalMs', 0),
    maxTasks: read('maxTasks', 1),
    pageSize: read('pageSize', 1),
  };
}
