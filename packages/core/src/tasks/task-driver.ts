import type { CallOptions } from '../client/options.js';
import type { Task } from './task.js';

/**
 * What the drivers of one task share when it is driven through several clients in turn (a
 * registry's reconnects), and what its requests take from whoever drives it.
 */
export interface TaskDriverContext {
  /** The `inputRequests` keys already answered (2026-07-28), shared so that a new driver does not answer them again. */
  readonly answered?: Set<string> | undefined;
  /** Options every request of the task takes (a per-request `timeoutMs`, a request `context`). */
  readonly requestOptions?: CallOptions | undefined;
}

/**
 * How a `TaskHandle` drives its task in one protocol era: the requests that read, advance and
 * cancel it, and where its final result comes from. 2025-11-25 drives it with `tasks/get`,
 * `tasks/result` and `tasks/cancel` (`legacy/legacy-task-driver.ts`); 2026-07-28 with the tasks
 * extension's `tasks/get`, `tasks/update` and `tasks/cancel` (`tasks/modern-task-driver.ts`).
 */
export interface TaskDriver {
  /** The server's identifier of the task. */
  readonly taskId: string;
  /** The server's name in errors. */
  readonly server: string | undefined;
  /** The method of the request the task stands for, named in errors. */
  readonly method: string;
  /** The interval between polls when the server suggests none, in milliseconds. */
  readonly defaultPollIntervalMs: number;
  /** The task's state now (`tasks/get`). */
  get(signal: AbortSignal | undefined): Promise<Task>;
  /** Asks the server to cancel the task; resolves with its state when the server answers with one. */
  cancel(signal: AbortSignal | undefined): Promise<Task | undefined>;
  /**
   * Called by the polling loop with each state that is not final, before it waits for the next
   * one: answers the input the task waits for. `signal` aborts when nobody waits any more.
   */
  advance(task: Task, signal: AbortSignal): Promise<void>;
  /** The result of the request the task stands for, once `task` is final; rejects with the error it ended with. */
  outcome(task: Task, signal: AbortSignal | undefined): Promise<Record<string, unknown>>;
  /** Calls `onState` with each state the server pushes, while polling runs; returns the function that stops it. */
  watch(onState: (task: Task) => void): () => void;
}

/** What gives drivers of 2026-07-28 tasks: the tasks extension's API, when the client registered it. */
export interface TaskDriverSource {
  /** The driver of the task `taskId` of a `method` request, sharing `context` with its other drivers. */
  taskDriver(taskId: string, method: string, context?: TaskDriverContext): TaskDriver;
}
