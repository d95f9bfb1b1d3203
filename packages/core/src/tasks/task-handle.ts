import { CancelledError } from '../errors/cancelled-error.js';
import { protocolErrorFrom } from '../errors/protocol-error-from.js';
import { TaskCancelledError } from '../errors/task-cancelled-error.js';
import type { ExtensionHost } from '../extensions/extension.js';
import { onAbort, reasonText } from '../util/abort-fanout.js';
import { abortableDelay } from './abortable-delay.js';
import { isTerminalStatus, parseTask, type Task, type TaskStatus } from './task.js';

/** How a `TaskHandle` polls. */
interface TaskHandleOptions {
  /** The method of the request the task stands for, named in errors. */
  readonly method: string;
  /** The interval between polls when the server suggests none, in milliseconds. */
  readonly defaultPollIntervalMs: number;
}

/**
 * One task of the tasks extension (SEP-2663): its last known state, and the requests that drive it.
 * Waiting (`result`, `changes`) polls `tasks/get` at the interval the server suggests and answers the
 * task's `inputRequests` with the client's handlers (each key once) through `tasks/update`; callers
 * waiting at the same time share one polling loop. Get one from `TasksApi.task(taskId)`, or from
 * the `onTask` option of `tasks()` for a request the server turned into a task.
 */
export class TaskHandle {
  private current: Task;
  /** The `inputRequests` keys already answered: the server must not reuse them. */
  private readonly answered = new Set<string>();
  /** Counts the states seen, so that each waiter knows which ones it has not seen yet. */
  private version = 0;
  /** How many callers wait (`result`, `changes`). */
  private waiting = 0;
  /** Stops the polling loop, while it runs. */
  private polling: AbortController | undefined;
  /** Why the polling loop failed, for the waiters it wakes. */
  private failure: Error | undefined;
  /** The waiters to wake on a new state or a failure. */
  private readonly wakers = new Set<() => void>();

  /** @internal Made by the tasks extension. */
  constructor(
    private readonly host: ExtensionHost,
    seed: Task,
    private readonly options: TaskHandleOptions,
  ) {
    this.current = seed;
  }

  /** The server's identifier of the task. */
  get taskId(): string {
    return this.current.taskId;
  }

  /** The last status seen. */
  get status(): TaskStatus {
    return this.current.status;
  }

  /** The last status message seen, if the server sent one: the task's progress, in its words. */
  get statusMessage(): string | undefined {
    return this.current.statusMessage;
  }

  /** The last state seen, as the server sent it. */
  get task(): Task {
    return this.current;
  }

  /** Asks the server for the task's state now (`tasks/get`), and keeps it. */
  async refresh(signal?: AbortSignal): Promise<Task> {
    const result = await this.host.request('tasks/get', { taskId: this.taskId }, { signal });
    this.current = parseTask(result, { server: this.host.server, method: 'tasks/get' });
    this.version += 1;
    this.wake();
    return this.current;
  }

  /** Sends responses to the task's `inputRequests`, keyed as the server keyed them (`tasks/update`). */
  async update(inputResponses: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    for (const key of Object.keys(inputResponses)) this.answered.add(key);
    await this.host.request('tasks/update', { taskId: this.taskId, inputResponses }, { signal });
  }

  /**
   * Asks the server to cancel the task (`tasks/cancel`). Cancelling is cooperative: the server
   * acknowledges it, but the task may still end otherwise.
   */
  async cancel(signal?: AbortSignal): Promise<void> {
    await this.host.request('tasks/cancel', { taskId: this.taskId }, { signal });
  }

  /**
   * Waits for the task to end and returns the result of the request it stands for. A `failed` task
   * rejects with the server's error (a `ProtocolError`), a `cancelled` one with a `TaskCancelledError`.
   * Aborting `signal` stops waiting with a `CancelledError`; the task itself goes on (call `cancel`).
   */
  async result(signal?: AbortSignal): Promise<Record<string, unknown>> {
    let task = this.current;
    for await (const polled of this.poll(signal)) task = polled;
    return this.outcome(task);
  }

  /**
   * The task's states, as an async iterator: the current one first, then each one whose status or
   * status message differs from the one before, until a final status (which is yielded too).
   * Aborting `signal` ends the iteration with a `CancelledError`.
   */
  async *changes(signal?: AbortSignal): AsyncGenerator<Task, void, undefined> {
    let last: Task | undefined;
    for await (const task of this.poll(signal)) {
      if (last === undefined || task.status !== last.status || task.statusMessage !== last.statusMessage) yield task;
      last = task;
    }
  }

  /**
   * The last state, then each new one until a final status. However many callers wait, one loop
   * polls (and answers input); it stops when the last of them stops waiting.
   */
  private async *poll(signal: AbortSignal | undefined): AsyncGenerator<Task, void, undefined> {
    let seen = -1;
    this.waiting += 1;
    try {
      for (;;) {
        if (seen !== this.version) {
          seen = this.version;
          const task = this.current;
          yield task;
          if (isTerminalStatus(task.status)) return;
          continue;
        }
        this.startPolling();
        await this.nextState(seen, signal);
      }
    } finally {
      this.waiting -= 1;
      if (this.waiting === 0) this.polling?.abort();
    }
  }

  /** Resolves when a state newer than `seen` arrives; rejects when polling fails or `signal` aborts. */
  private nextState(seen: number, signal: AbortSignal | undefined): Promise<void> {
    const context = { server: this.host.server, method: this.options.method };
    const cancelled = (reason: unknown): CancelledError => new CancelledError(reasonText(reason), { ...context, cause: reason });
    if (signal?.aborted === true) return Promise.reject(cancelled(signal.reason));
    return new Promise((resolve, reject) => {
      const settle = (error?: Error): void => {
        stop?.();
        this.wakers.delete(wake);
        if (error === undefined) resolve();
        else reject(error);
      };
      const wake = (): void => settle(this.version !== seen ? undefined : this.failure);
      const stop = signal === undefined ? undefined : onAbort(signal, (reason) => settle(cancelled(reason)));
      this.wakers.add(wake);
    });
  }

  /** Starts the polling loop unless it runs; a failure of the loop goes to every waiter. */
  private startPolling(): void {
    if (this.polling !== undefined) return;
    const controller = new AbortController();
    this.polling = controller;
    this.failure = undefined;
    this.run(controller.signal).then(
      () => {
        this.polling = undefined;
      },
      (error: unknown) => {
        this.polling = undefined;
        // Stopped because nobody waits any more: no one to tell.
        if (controller.signal.aborted) return;
        this.failure = error instanceof Error ? error : new Error('polling the task failed', { cause: error });
        this.wake();
      },
    );
  }

  /** Polls until a final status, answering input on the way. */
  private async run(signal: AbortSignal): Promise<void> {
    const context = { server: this.host.server, method: this.options.method };
    while (!isTerminalStatus(this.current.status)) {
      const task = this.current;
      if (task.status === 'input_required') await this.answer(task.inputRequests ?? {}, signal);
      await abortableDelay(task.pollIntervalMs ?? this.options.defaultPollIntervalMs, signal, context);
      await this.refresh(signal);
    }
  }

  /** Tells every waiter that the state changed or polling failed. */
  private wake(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Answers the input requests not answered yet, and sends the answers. */
  private async answer(inputRequests: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<void> {
    const pending = Object.fromEntries(Object.entries(inputRequests).filter(([key]) => !this.answered.has(key)));
    if (Object.keys(pending).length === 0) return;
    const inputResponses = await this.host.answerInputRequests(pending, { method: 'tasks/update', signal });
    await this.update(inputResponses, signal);
  }

  /** The result of a task in a final status, or the error it ended with. */
  private outcome(task: Task): Record<string, unknown> {
    const where = { server: this.host.server, method: this.options.method };
    if (task.status === 'completed') return { ...task.result };
    if (task.status === 'failed') {
      const { code, message, data } = task.error ?? {};
      throw protocolErrorFrom({
        code: typeof code === 'number' ? code : -32603,
        message: typeof message === 'string' ? message : `task ${task.taskId} failed`,
        data,
        method: this.options.method,
        ...(this.host.server === undefined ? {} : { server: this.host.server }),
      });
    }
    throw new TaskCancelledError(
      `task ${task.taskId} was cancelled by the server${task.statusMessage ? ` (${task.statusMessage})` : ''}; the request has no result`,
      { ...where, taskId: task.taskId },
    );
  }
}
