import { ProtocolError } from '../../errors/protocol-error.js';
import type { TaskStatus } from '../../tasks/task.js';

/** The key of `_meta` that ties a message to its task (2025-11-25). */
export const RELATED_TASK_META_KEY = 'io.modelcontextprotocol/related-task';

/** A task as the 2025-11-25 wire carries it: in a `CreateTaskResult`, a `tasks/get` result, a `tasks/list` page. */
export type WireTask = {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  createdAt: string;
  lastUpdatedAt: string;
  /** Milliseconds from creation the task is kept; null for no limit. */
  ttl: number | null;
  pollInterval?: number;
};

/** How a task ended: the handler's result, or the error the request would have been answered with. */
export type TaskOutcome = { result: Record<string, unknown> } | { error: unknown };

/**
 * One task the client runs for the server: its state, the signal its handler runs under, and how
 * it ended. The status moves only from `working` to a final one (`completed`, `failed`,
 * `cancelled`), and never again after that (a cancelled task stays cancelled when its handler
 * finishes anyway).
 */
export class ReceivedTask {
  readonly createdAt: string;
  private current: TaskStatus = 'working';
  private message: string | undefined;
  private updatedAt: string;
  private ended: TaskOutcome | undefined;
  private fetched = false;
  private readonly controller = new AbortController();
  /** The `outcome()` calls waiting for the task to end, each removed when its signal aborts. */
  private readonly waiting = new Set<(outcome: TaskOutcome) => void>();

  constructor(
    readonly taskId: string,
    /** Its place in creation order, for the cursors of `tasks/list`. */
    readonly seq: number,
    /** Milliseconds from creation it is kept. */
    readonly ttlMs: number,
    private readonly pollIntervalMs: number,
  ) {
    this.createdAt = this.updatedAt = new Date().toISOString();
  }

  /** The current status. */
  get status(): TaskStatus {
    return this.current;
  }

  /** Aborted when the task is cancelled, expires or the connection closes: the signal its handler runs under. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the task is `completed`, `failed` or `cancelled`. */
  get terminal(): boolean {
    return this.ended !== undefined;
  }

  /** The task as the wire carries it. */
  toWire(): WireTask {
    return {
      taskId: this.taskId,
      status: this.current,
      ...(this.message === undefined ? {} : { statusMessage: this.message }),
      createdAt: this.createdAt,
      lastUpdatedAt: this.updatedAt,
      ttl: this.ttlMs,
      pollInterval: this.pollIntervalMs,
    };
  }

  /** True once `tasks/result` answered the server with how the task ended. */
  get delivered(): boolean {
    return this.fetched;
  }

  /** Records that `tasks/result` answered the server with how the task ended. */
  markDelivered(): void {
    this.fetched = true;
  }

  /**
   * Resolves with how the task ended, once it has; rejects with `signal.reason` when `signal`
   * aborts first, and then holds nothing of the caller (a `tasks/result` the server cancelled).
   */
  outcome(signal?: AbortSignal): Promise<TaskOutcome> {
    if (this.ended !== undefined) return Promise.resolve(this.ended);
    if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
    return new Promise((resolve, reject) => {
      const abort = (): void => {
        this.waiting.delete(done);
        reject(signal?.reason as Error);
      };
      const done = (outcome: TaskOutcome): void => {
        signal?.removeEventListener('abort', abort);
        resolve(outcome);
      };
      this.waiting.add(done);
      signal?.addEventListener('abort', abort, { once: true });
    });
  }

  /** The handler answered; false when the task had already ended. */
  complete(result: Record<string, unknown>): boolean {
    return this.end('completed', undefined, { result });
  }

  /** The handler failed with `error`; false when the task had already ended. */
  fail(error: unknown): boolean {
    return this.end('failed', describe(error), { error });
  }

  /** Ends the task as `cancelled` and aborts its handler with `reason`; false when it had already ended. */
  cancel(reason: Error): boolean {
    const changed = this.end('cancelled', describe(reason), { error: reason });
    this.controller.abort(reason);
    return changed;
  }

  private end(status: TaskStatus, message: string | undefined, outcome: TaskOutcome): boolean {
    if (this.ended !== undefined) return false;
    this.current = status;
    this.message = message;
    this.updatedAt = new Date().toISOString();
    this.ended = outcome;
    for (const done of this.waiting) done(outcome);
    this.waiting.clear();
    return true;
  }
}

/** An error as a status message: a wire error's own message, without the context `ProtocolError` adds. */
function describe(error: unknown): string {
  if (ProtocolError.isInstance(error)) return error.rawMessage;
  return error instanceof Error ? error.message : String(error);
}
