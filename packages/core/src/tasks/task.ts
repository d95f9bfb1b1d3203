import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { isObject } from '../validation/guards.js';

/** The identifier of the tasks extension (SEP-2663). */
export const TASKS_EXTENSION_ID = 'io.modelcontextprotocol/tasks';

/** The methods a server may answer with a task (SEP-2663 "Supported Methods"). */
export const TASK_METHODS: ReadonlySet<string> = new Set(['tools/call']);

/** The interval between polls of a task whose server suggests none, in milliseconds. */
export const DEFAULT_TASK_POLL_INTERVAL_MS = 1000;

/** A task's status: `working` and `input_required` go on; `completed`, `failed` and `cancelled` are final. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

const STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['working', 'input_required', 'completed', 'failed', 'cancelled']);
const TERMINAL: ReadonlySet<string> = new Set<TaskStatus>(['completed', 'failed', 'cancelled']);

/**
 * The state of a task as the server reports it (SEP-2663 `DetailedTask`): in a `CreateTaskResult`,
 * a `tasks/get` result or a `notifications/tasks` notification.
 */
export interface Task {
  /** The server's identifier of the task, for `tasks/get`, `tasks/update` and `tasks/cancel`. */
  readonly taskId: string;
  /** Its current status. */
  readonly status: TaskStatus;
  /** What the server says of the current state (progress, what input it waits for, why it failed). */
  readonly statusMessage?: string | undefined;
  /** When the task was created (ISO 8601), as the server sent it. */
  readonly createdAt?: string | undefined;
  /** When the task last changed (ISO 8601), as the server sent it. */
  readonly lastUpdatedAt?: string | undefined;
  /** How long after creation the server keeps the task, in milliseconds; null for no limit. */
  readonly ttlMs?: number | null | undefined;
  /** How often the server suggests polling it, in milliseconds. */
  readonly pollIntervalMs?: number | undefined;
  /** With `input_required`: the server-to-client requests it waits for, keyed by the server. */
  readonly inputRequests?: Readonly<Record<string, unknown>> | undefined;
  /** With `completed`: the result the original request would have returned. */
  readonly result?: Readonly<Record<string, unknown>> | undefined;
  /** With `failed`: the JSON-RPC error the request failed with. */
  readonly error?: Readonly<Record<string, unknown>> | undefined;
}

/** True when `status` is final: `completed`, `failed` or `cancelled`. */
export function isTerminalStatus(status: TaskStatus): boolean {
  return TERMINAL.has(status);
}

/** `value` checked as a task (a `CreateTaskResult` or a `tasks/get` result); an `InvalidResponseError` otherwise. */
export function parseTask(value: Record<string, unknown>, where: { server: string | undefined; method: string }): Task {
  const refuse = (what: string): InvalidResponseError => new InvalidResponseError(`the server's task ${what}`, where);
  const { taskId, status, pollIntervalMs, inputRequests, result, error } = value;
  if (typeof taskId !== 'string' || taskId === '') throw refuse('has no taskId');
  if (typeof status !== 'string' || !STATUSES.has(status)) throw refuse(`${taskId} has an unknown status ${JSON.stringify(status)}`);
  if (pollIntervalMs !== undefined && (typeof pollIntervalMs !== 'number' || !(pollIntervalMs >= 0)))
    throw refuse(`${taskId} has an invalid pollIntervalMs ${JSON.stringify(pollIntervalMs)}`);
  if (status === 'input_required' && !isObject(inputRequests)) throw refuse(`${taskId} requires input but carries no inputRequests`);
  if (status === 'completed' && !isObject(result)) throw refuse(`${taskId} completed without a result`);
  if (status === 'failed' && !isObject(error)) throw refuse(`${taskId} failed without an error`);
  return value as unknown as Task;
}
