import type { CallOptions } from '../client/options.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { cancelledTask } from '../tasks/modern-task-driver.js';
import type { TaskDriver } from '../tasks/task-driver.js';
import type { Task } from '../tasks/task.js';
import { parseLegacyTask } from './legacy-task.js';
import type { TaskStatusWatch } from './task-status-watch.js';

/** How a legacy task driver reaches its server: the legacy session's requests and status notifications. */
export interface LegacyTaskChannel {
  readonly server: string | undefined;
  send(method: string, params: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  readonly statuses: TaskStatusWatch;
}

/**
 * Drives a 2025-11-25 task: `tasks/get` reads it, `tasks/cancel` cancels it, and `tasks/result`
 * fetches its result. `tasks/result` blocks on the server until the task ends, and while it is
 * open the server sends the requests the task waits for (elicitation, sampling), which the
 * client's ordinary handlers answer: so it is opened as soon as the task asks for input (or ends),
 * in the background, while polling goes on to report the task's states.
 */
export class LegacyTaskDriver implements TaskDriver {
  /** The open `tasks/result` request, once the task asked for input or ended. */
  private pending: Promise<Record<string, unknown>> | undefined;

  constructor(
    private readonly channel: LegacyTaskChannel,
    readonly taskId: string,
    readonly method: string,
    readonly defaultPollIntervalMs: number,
  ) {}

  get server(): string | undefined {
    return this.channel.server;
  }

  async get(signal: AbortSignal | undefined): Promise<Task> {
    const result = await this.channel.send('tasks/get', { taskId: this.taskId }, { signal });
    return parseLegacyTask(result, { server: this.server, method: 'tasks/get' });
  }

  async cancel(signal: AbortSignal | undefined): Promise<Task> {
    const result = await this.channel.send('tasks/cancel', { taskId: this.taskId }, { signal });
    return parseLegacyTask(result, { server: this.server, method: 'tasks/cancel' });
  }

  advance(task: Task, signal: AbortSignal): Promise<void> {
    if (task.status === 'input_required' && this.pending === undefined) {
      const pending = this.fetchResult(signal);
      // Awaited by `outcome`; a failure here (the wait given up, say) only means it is fetched again there.
      void pending.catch(() => undefined);
      this.pending = pending;
    }
    return Promise.resolve();
  }

  async outcome(task: Task, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    if (task.status === 'cancelled') throw cancelledTask(task, { server: this.server, method: this.method });
    // `failed` too: tasks/result returns what the request would have returned, its error or a result with isError.
    if (this.pending !== undefined) {
      try {
        return await this.pending;
      } catch (error) {
        // The server's answer is the outcome; a request given up or lost on the way is sent again.
        if (ProtocolError.isInstance(error)) throw error;
      }
    }
    return this.fetchResult(signal);
  }

  watch(onState: (task: Task) => void): () => void {
    return this.channel.statuses.watch(this.taskId, onState);
  }

  /**
   * `tasks/result`, with no per-request timeout: it blocks until the task ends, which may take as
   * long as the task runs and its input takes; waiting is bounded by the caller's signal instead.
   */
  private fetchResult(signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    return this.channel.send('tasks/result', { taskId: this.taskId }, { signal, timeoutMs: Number.POSITIVE_INFINITY });
  }
}
