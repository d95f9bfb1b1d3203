import type { CallOptions } from '../client/options.js';
import type { TaskPage } from '../era/era-session.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { Task, TaskStatus } from '../tasks/task.js';

const STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['working', 'input_required', 'completed', 'failed', 'cancelled']);

/**
 * A 2025-11-25 `Task` (in a `CreateTaskResult`, a `tasks/get` or `tasks/cancel` result, a
 * `tasks/list` page or a `notifications/tasks/status`) as the era-neutral `Task`: `ttl` becomes
 * `ttlMs` and `pollInterval` `pollIntervalMs`. An `InvalidResponseError` when it is no task.
 */
export function parseLegacyTask(value: unknown, where: { server: string | undefined; method: string }): Task {
  const refuse = (what: string): InvalidResponseError => new InvalidResponseError(`the server's task ${what}`, where);
  if (typeof value !== 'object' || value === null) throw refuse('is missing');
  const { taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval } = value as Record<string, unknown>;
  if (typeof taskId !== 'string' || taskId === '') throw refuse('has no taskId');
  if (typeof status !== 'string' || !STATUSES.has(status)) throw refuse(`${taskId} has an unknown status ${JSON.stringify(status)}`);
  if (pollInterval !== undefined && (typeof pollInterval !== 'number' || !(pollInterval >= 0)))
    throw refuse(`${taskId} has an invalid pollInterval ${JSON.stringify(pollInterval)}`);
  if (ttl !== undefined && ttl !== null && (typeof ttl !== 'number' || !(ttl >= 0)))
    throw refuse(`${taskId} has an invalid ttl ${JSON.stringify(ttl)}`);
  return {
    taskId,
    status: status as TaskStatus,
    ...(typeof statusMessage === 'string' ? { statusMessage } : {}),
    ...(typeof createdAt === 'string' ? { createdAt } : {}),
    ...(typeof lastUpdatedAt === 'string' ? { lastUpdatedAt } : {}),
    ...(ttl === undefined ? {} : { ttlMs: ttl }),
    ...(pollInterval === undefined ? {} : { pollIntervalMs: pollInterval }),
  };
}

/** One page of the server's tasks (`tasks/list`, 2025-11-25), each task made era-neutral. */
export async function listLegacyTasks(
  channel: {
    readonly server: string | undefined;
    send(method: string, params: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  },
  cursor: string | undefined,
  options: CallOptions = {},
): Promise<TaskPage> {
  const where = { server: channel.server, method: 'tasks/list' };
  const page = await channel.send('tasks/list', cursor === undefined ? {} : { cursor }, options);
  if (!Array.isArray(page.tasks)) throw new InvalidResponseError("the server's tasks/list result has no tasks array", where);
  const tasks = page.tasks.map((task) => parseLegacyTask(task, where));
  return typeof page.nextCursor === 'string' ? { tasks, nextCursor: page.nextCursor } : { tasks };
}
