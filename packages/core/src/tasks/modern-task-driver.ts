import { ErrorCode } from '../errors/protocol-error.js';
import { protocolErrorFrom } from '../errors/protocol-error-from.js';
import { TaskCancelledError } from '../errors/task-cancelled-error.js';
import type { ExtensionHost } from '../extensions/extension.js';
import type { CallOptions } from '../client/options.js';
import type { TaskDriver, TaskDriverContext } from './task-driver.js';
import { parseTask, type Task } from './task.js';

/**
 * Drives a task of the tasks extension (SEP-2663, 2026-07-28): `tasks/get` reads it, its
 * `inputRequests` are answered with the client's handlers (each key once) through `tasks/update`,
 * and a final state carries the result or the error itself.
 */
export class ModernTaskDriver implements TaskDriver {
  /** The `inputRequests` keys already answered (the server must not reuse them), shared with the task's other drivers. */
  private readonly answered: Set<string>;
  /** Options every request of the task takes. */
  private readonly requestOptions: CallOptions;
  /** Whether this client asked the server to cancel the task, for the words of a `cancelled` outcome. */
  private cancelledHere = false;

  /**
   * @param host The tasks extension's way to the server: its requests, notifications and the client's handlers.
   * @param taskId The server's identifier of the task.
   * @param method The method of the request the task stands for, named in errors.
   * @param defaultPollIntervalMs The interval between polls when the server suggests none.
   * @param context What it shares with the task's other drivers (the keys answered), and what its requests take.
   */
  constructor(
    private readonly host: ExtensionHost,
    readonly taskId: string,
    readonly method: string,
    readonly defaultPollIntervalMs: number,
    context: TaskDriverContext = {},
  ) {
    this.answered = context.answered ?? new Set();
    this.requestOptions = context.requestOptions ?? {};
  }

  get server(): string | undefined {
    return this.host.server;
  }

  async get(signal: AbortSignal | undefined): Promise<Task> {
    const result = await this.host.request('tasks/get', { taskId: this.taskId }, { ...this.requestOptions, signal });
    return parseTask(result, { server: this.host.server, method: 'tasks/get' });
  }

  async cancel(signal: AbortSignal | undefined): Promise<undefined> {
    // SEP-2663: the server acknowledges with an empty result; the new state shows in tasks/get.
    this.cancelledHere = true;
    await this.host.request('tasks/cancel', { taskId: this.taskId }, { ...this.requestOptions, signal });
    return undefined;
  }

  async advance(task: Task, signal: AbortSignal): Promise<void> {
    if (task.status !== 'input_required') return;
    const pending = Object.fromEntries(Object.entries(task.inputRequests ?? {}).filter(([key]) => !this.answered.has(key)));
    if (Object.keys(pending).length === 0) return;
    const inputResponses = await this.host.answerInputRequests(pending, { method: 'tasks/update', signal });
    await this.host.request('tasks/update', { taskId: this.taskId, inputResponses }, { ...this.requestOptions, signal });
    // Only once the server took them: a failed tasks/update leaves the keys to answer again.
    for (const key of Object.keys(inputResponses)) this.answered.add(key);
  }

  outcome(task: Task): Promise<Record<string, unknown>> {
    if (task.status === 'completed') return Promise.resolve({ ...task.result });
    if (task.status === 'failed') {
      const { code, message, data } = task.error ?? {};
      return Promise.reject(
        protocolErrorFrom({
          code: typeof code === 'number' ? code : ErrorCode.InternalError,
          message: typeof message === 'string' ? message : `task ${task.taskId} failed`,
          data,
          method: this.method,
          ...(this.host.server === undefined ? {} : { server: this.host.server }),
        }),
      );
    }
    return Promise.reject(cancelledTask(task, { server: this.host.server, method: this.method }, this.cancelledHere));
  }

  /**
   * Subscribes to `notifications/tasks` for the task through `subscriptions/listen` (SEP-2663)
   * while polling runs; polling goes on regardless, as the server need not push.
   */
  watch(onState: (task: Task) => void): () => void {
    const { host, taskId } = this;
    const stop = host.onNotification('notifications/tasks', (params) => {
      if (params.taskId !== taskId) return;
      let task: Task;
      try {
        task = parseTask(params, { server: host.server, method: 'notifications/tasks' });
      } catch {
        // A malformed push is ignored: the next poll reads the task again.
        return;
      }
      onState(task);
    });
    // Best effort: a server that refuses the subscription still answers the polls.
    void host.client.subscribe({ taskIds: [taskId] }).catch(() => undefined);
    return () => {
      stop();
      // Best effort as well: the stream is reopened without the task, or closed.
      void host.client.unsubscribe({ taskIds: [taskId] }).catch(() => undefined);
    };
  }
}

/** The error of a task that ended `cancelled`: by the server, or after this client asked (`byClient`) to cancel it. */
export function cancelledTask(task: Task, where: { server: string | undefined; method: string }, byClient = false): TaskCancelledError {
  const by = byClient ? "at this client's request (tasks/cancel)" : 'by the server';
  return new TaskCancelledError(
    `task ${task.taskId} was cancelled ${by}${task.statusMessage ? ` (${task.statusMessage})` : ''}; the request has no result`,
    { ...where, taskId: task.taskId },
  );
}
