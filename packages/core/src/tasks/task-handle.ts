import { CancelledError } from '../errors/cancelled-error.js';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import { TaskExpiredError } from '../errors/task-expired-error.js';
import { onAbort, reasonText } from '../util/abort-fanout.js';
import { abortableDelay } from './abortable-delay.js';
import type { TaskDriver } from './task-driver.js';
import { isTerminalStatus, type Task, type TaskStatus } from './task.js';

/** Makes a handle: set by `TaskHandle`, whose constructor is private so that its driver stays out of the public API. */
let make: (driver: TaskDriver, seed: Task) => TaskHandle;

/** A handle on the task `seed`, driven by `driver`: how the client and the tasks extension make one. */
export function openTaskHandle(driver: TaskDriver, seed: Task): TaskHandle {
  return make(driver, seed);
}

/**
 * One task on a server, whichever protocol era it speaks: its last known state, and the requests
 * that drive it. Waiting (`result`, `changes`) polls `tasks/get` at the interval the server
 * suggests (a state the server pushes wakes it early) and answers the input the task waits for
 * with the client's handlers: on 2025-11-25 through `tasks/result`, whose stream carries the
 * server's requests, on 2026-07-28 through the tasks extension's `tasks/update`. Callers waiting
 * at the same time share one polling loop. Get one from the `onTask` option of a call that became
 * a task, or from `client.tasks.get(taskId)` to reattach to a task by its identifier.
 */
export class TaskHandle {
  private current: Task;
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
  /** Ends the polling loop's wait between two polls early, when the server pushed a state. */
  private nap: AbortController | undefined;

  static {
    make = (driver, seed) => new TaskHandle(driver, seed);
  }

  /** Made by the client (`onTask`, `client.tasks`) or by the tasks extension, through `openTaskHandle`. */
  private constructor(
    private readonly driver: TaskDriver,
    seed: Task,
  ) {
    this.current = seed;
  }

  /** The server's identifier of the task: keep it to reattach later with `client.tasks.get(taskId)`. */
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
    this.accept(await this.driver.get(signal));
    return this.current;
  }

  /**
   * Asks the server to cancel the task (`tasks/cancel`), and resolves with the state it answers
   * with (2025-11-25; 2026-07-28 only acknowledges, so undefined). Cancelling is cooperative: the
   * task may still end otherwise, and waiters see how it ended.
   */
  async cancel(signal?: AbortSignal): Promise<Task | undefined> {
    const task = await this.driver.cancel(signal);
    if (task !== undefined) this.accept(task);
    return task;
  }

  /**
   * Waits for the task to end and returns the result of the request it stands for. A `failed` task
   * rejects with the server's error (a `ProtocolError`), a `cancelled` one with a `TaskCancelledError`.
   * Aborting `signal` stops waiting with a `CancelledError`; the task itself goes on (call `cancel`).
   */
  async result(signal?: AbortSignal): Promise<Record<string, unknown>> {
    let task = this.current;
    for await (const polled of this.poll(signal)) task = polled;
    return this.driver.outcome(task, signal);
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

  /** Keeps a newer state (polled, pushed or answered to a cancel) and wakes the waiters. */
  private accept(task: Task): void {
    // A final state is final: a late push or poll of an earlier one does not undo it.
    if (isTerminalStatus(this.current.status) && !isTerminalStatus(task.status)) return;
    this.current = task;
    this.version += 1;
    this.nap?.abort();
    this.wake();
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
    const context = { server: this.driver.server, method: this.driver.method };
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
    const unwatch = this.driver.watch((task) => this.accept(task));
    this.run(controller.signal).then(
      () => {
        unwatch();
        this.polling = undefined;
      },
      (error: unknown) => {
        unwatch();
        this.polling = undefined;
        // Stopped because nobody waits any more: no one to tell.
        if (controller.signal.aborted) return;
        this.failure = error instanceof Error ? error : new Error('polling the task failed', { cause: error });
        this.wake();
      },
    );
  }

  /** Polls until a final status, answering input on the way; a pushed state ends the wait between two polls early. */
  private async run(signal: AbortSignal): Promise<void> {
    const context = { server: this.driver.server, method: this.driver.method };
    while (!isTerminalStatus(this.current.status)) {
      const task = this.current;
      await this.driver.advance(task, signal);
      const nap = (this.nap = new AbortController());
      try {
        await abortableDelay(task.pollIntervalMs ?? this.driver.defaultPollIntervalMs, AbortSignal.any([signal, nap.signal]), context);
      } catch (error) {
        if (signal.aborted || !nap.signal.aborted) throw error;
      } finally {
        this.nap = undefined;
      }
      // The server pushed a state while the loop waited: it is the one to go on from.
      if (nap.signal.aborted) continue;
      await this.refresh(signal).catch((error: unknown) => {
        throw this.forgotten(error) ?? error;
      });
    }
  }

  /** The error for a poll the server answered with -32602 (no such task): it forgot the task, its ttl ran out. */
  private forgotten(error: unknown): TaskExpiredError | undefined {
    if (!ProtocolError.isInstance(error) || error.code !== ErrorCode.InvalidParams) return undefined;
    const { taskId, ttlMs, createdAt } = this.current;
    const ttl =
      typeof ttlMs === 'number' ? `its ttlMs of ${ttlMs} ms${createdAt === undefined ? '' : ` from ${createdAt}`} ran out, or ` : '';
    return new TaskExpiredError(
      `task ${taskId} is gone from the server (${error.message}): ${ttl}the server dropped it before it ended; its result is lost, run the request again`,
      { server: this.driver.server, method: this.driver.method, taskId, cause: error },
    );
  }

  /** Tells every waiter that the state changed or polling failed. */
  private wake(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
