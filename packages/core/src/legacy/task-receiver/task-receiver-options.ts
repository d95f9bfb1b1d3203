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
