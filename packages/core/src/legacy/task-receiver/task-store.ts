import { ErrorCode, ProtocolError } from '../../errors/protocol-error.js';
import { ReceivedTask, type WireTask } from './received-task.js';
import type { TaskReceiverOptions } from './task-receiver-options.js';

/** One page of `tasks/list`. */
export interface TaskPage {
  tasks: WireTask[];
  nextCursor?: string;
}

/**
 * The tasks the client holds for one connection to one server (so `tasks/list` shows only that
 * server's tasks): it creates them with an unguessable id and a granted ttl, finds them, pages
 * them, and drops each once its ttl has passed (cancelling it if it still runs).
 */
export class TaskStore {
  private readonly tasks = new Map<string, ReceivedTask>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private seq = 0;
  private closedBy: Error | undefined;

  constructor(private readonly options: Required<TaskReceiverOptions>) {}

  /**
   * A new `working` task, kept for the requested ttl cut to `maxTtlMs` (`maxTtlMs` when none was
   * asked); throws -32603 when `maxTasks` are held already, or once the store is closed.
   */
  create(requestedTtlMs: number | undefined, method: string): ReceivedTask {
    const { maxTtlMs, maxTasks, pollIntervalMs } = this.options;
    if (this.closedBy !== undefined) throw this.closedBy;
    if (this.tasks.size >= maxTasks) {
      throw new ProtocolError({
        code: ErrorCode.InternalError,
        message: `${method}: the client already holds ${maxTasks} tasks for this server (its taskReceiver.maxTasks); retry once some have expired or been cancelled`,
      });
    }
    const ttlMs = requestedTtlMs === undefined ? maxTtlMs : Math.min(Math.max(0, Math.floor(requestedTtlMs)), maxTtlMs);
    const task = new ReceivedTask(globalThis.crypto.randomUUID(), ++this.seq, ttlMs, pollIntervalMs);
    this.tasks.set(task.taskId, task);
    const timer = setTimeout(() => this.expire(task), ttlMs);
    // A kept task must not keep the process alive; a runtime without unref has nothing to keep alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(task.taskId, timer);
    return task;
  }

  /** The task `taskId` names; -32602 when there is none (never created, or dropped after its ttl). */
  get(taskId: unknown, method: string): ReceivedTask {
    const task = typeof taskId === 'string' ? this.tasks.get(taskId) : undefined;
    if (task === undefined) {
      const what =
        typeof taskId === 'string'
          ? `task ${JSON.stringify(taskId)} not found (unknown, or dropped after its ttl)`
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

  private expire(task: ReceivedTask): void {
    this.drop(
      task,
      new ProtocolError({ code: ErrorCode.InternalError, message: `task ${task.taskId} expired: its ttl of ${task.ttlMs} ms has passed` }),
    );
  }

  private drop(task: ReceivedTask, reason: Error): void {
    clearTimeout(this.timers.get(task.taskId));
    this.timers.delete(task.taskId);
    this.tasks.delete(task.taskId);
    task.cancel(reason);
  }
}
