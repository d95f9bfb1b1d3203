import { ErrorCode, ProtocolError } from '../../errors/protocol-error.js';
import { ReceivedTask, type WireTask } from './received-task.js';
import { MIN_GRANTED_TTL_MS, type TaskReceiverOptions } from './task-receiver-options.js';

/** One page of `tasks/list`. */
export interface TaskPage {
  tasks: WireTask[];
  nextCursor?: string;
}

/**
 * The tasks the client holds for one connection to one server (so `tasks/list` shows only that
 * server's tasks): it creates them with an unguessable id and a granted ttl, finds them, pages
 * them, and drops each once its ttl has passed (cancelling it if it still runs), or earlier once
 * it has finished and more than `maxFinishedTasks` finished ones are held.
 */
export class TaskStore {
  private readonly tasks = new Map<string, ReceivedTask>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private seq = 0;
  private closedBy: Error | undefined;

  constructor(private readonly options: Required<TaskReceiverOptions>) {}

  /**
   * A new `working` task, kept for the requested ttl cut to `maxTtlMs` (`maxTtlMs` when none was
   * asked) and raised to the floor `MIN_GRANTED_TTL_MS` / twice `pollIntervalMs`; throws -32603
   * when `maxTasks` are running already, when `maxFinishedTasks` finished tasks wait for the server
   * to fetch their results, or once the store is closed.
   */
  create(requestedTtlMs: number | undefined, method: string): ReceivedTask {
    const { maxTasks, maxFinishedTasks, pollIntervalMs } = this.options;
    if (this.closedBy !== undefined) throw this.closedBy;
    const held = [...this.tasks.values()];
    if (held.filter((task) => !task.terminal).length >= maxTasks) {
      throw refused(
        `${method}: the client already runs ${maxTasks} tasks for this server (its taskReceiver.maxTasks); retry once some have finished or been cancelled`,
      );
    }
    // Finished tasks beyond the bound are dropped as others end, except results the server has not fetched.
    if (held.filter((task) => task.terminal && task.status !== 'cancelled' && !task.delivered).length >= maxFinishedTasks) {
      throw refused(
        `${method}: the client holds ${maxFinishedTasks} finished tasks for this server whose results were not fetched (its taskReceiver.maxFinishedTasks); fetch them with tasks/result, or retry once their ttl has passed`,
      );
    }
    const ttlMs = this.grant(requestedTtlMs);
    const task = new ReceivedTask(globalThis.crypto.randomUUID(), ++this.seq, ttlMs, pollIntervalMs);
    this.tasks.set(task.taskId, task);
    const timer = setTimeout(() => this.expire(task), ttlMs);
    // A kept task must not keep the process alive; a runtime without unref has nothing to keep alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(task.taskId, timer);
    // Never rejects: once the task ends, the finished tasks beyond maxFinishedTasks are dropped.
    void task.outcome().then(() => this.prune());
    return task;
  }

  /** Records that `tasks/result` gave the server how `task` ended, which lets it go first when too many are held. */
  delivered(task: ReceivedTask): void {
    task.markDelivered();
    this.prune();
  }

  /** The task `taskId` names; -32602 when there is none (never created, or dropped after its ttl). */
  get(taskId: unknown, method: string): ReceivedTask {
    const task = typeof taskId === 'string' ? this.tasks.get(taskId) : undefined;
    if (task === undefined) {
      const what =
        typeof taskId === 'string'
          ? `task ${JSON.stringify(taskId)} not found: unknown, or dropped after its ttl (or once too many finished tasks were held); send the request again for a new task`
          : 'params.taskId must be a string';
      throw new ProtocolError({ code: ErrorCode.InvalidParams, message: `${method}: ${what}` });
    }
    return task;
  }

  /** One page of the tasks in creation order, after `cursor`; -32602 for a cursor this store did not give. */
  list(cursor: unknown): TaskPage {
    let after = 0;
    if (cursor !== undefined) {
      if (typeof cursor !== 'string' || !/^[1-9]\d*$/.test(cursor) || Number(cursor) > this.seq) {
        throw new ProtocolError({ code: ErrorCode.InvalidParams, message: `tasks/list: invalid cursor ${JSON.stringify(cursor)}` });
      }
      after = Number(cursor);
    }
    const rest = [...this.tasks.values()].filter((task) => task.seq > after);
    const page = rest.slice(0, this.options.pageSize);
    const last = page.at(-1);
    return {
      tasks: page.map((task) => task.toWire()),
      ...(rest.length > page.length && last !== undefined ? { nextCursor: String(last.seq) } : {}),
    };
  }

  /** Cancels every task and drops them all; later `create` calls throw `reason`. */
  close(reason: Error): void {
    this.closedBy = reason;
    for (const task of this.tasks.values()) this.drop(task, reason);
  }

  /** The ttl granted for a requested one: cut to `maxTtlMs`, raised to the floor (but not above `maxTtlMs`). */
  private grant(requestedTtlMs: number | undefined): number {
    const { maxTtlMs, pollIntervalMs } = this.options;
    if (requestedTtlMs === undefined) return maxTtlMs;
    return Math.min(maxTtlMs, Math.max(Math.floor(requestedTtlMs), 2 * pollIntervalMs, MIN_GRANTED_TTL_MS));
  }

  /** Drops finished tasks beyond `maxFinishedTasks`: cancelled ones first, then those whose result was fetched, oldest first. */
  private prune(): void {
    const finished = [...this.tasks.values()].filter((task) => task.terminal);
    const excess = finished.length - this.options.maxFinishedTasks;
    if (excess <= 0) return;
    const cancelled = finished.filter((task) => task.status === 'cancelled');
    const fetched = finished.filter((task) => task.status !== 'cancelled' && task.delivered);
    for (const task of [...cancelled, ...fetched].slice(0, excess)) this.forget(task);
  }

  private expire(task: ReceivedTask): void {
    this.drop(
      task,
      new ProtocolError({
        code: ErrorCode.InvalidParams,
        message: `task ${task.taskId} expired: its ttl of ${task.ttlMs} ms passed before it finished; ask for a longer ttl when creating the task (this client grants up to its taskReceiver.maxTtlMs)`,
      }),
    );
  }

  private drop(task: ReceivedTask, reason: Error): void {
    this.forget(task);
    task.cancel(reason);
  }

  private forget(task: ReceivedTask): void {
    clearTimeout(this.timers.get(task.taskId));
    this.timers.delete(task.taskId);
    this.tasks.delete(task.taskId);
  }
}

function refused(message: string): ProtocolError {
  return new ProtocolError({ code: ErrorCode.InternalError, message });
}
