import type { CallOptions } from '../client/options.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { cancelledTask } from '../tasks/modern-task-driver.js';
import type { TaskDriver } from '../tasks/task-driver.js';
import { isTerminalStatus, type Task } from '../tasks/task.js';
import { onAbort } from '../util/abort-fanout.js';
import { parseLegacyTask } from './legacy-task.js';
import type { TaskStatusWatch } from './task-status-watch.js';

/** How a legacy task driver reaches its server: the legacy session's requests and status notifications. */
export interface LegacyTaskChannel {
  readonly server: string | undefined;
  send(method: string, params: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  readonly statuses: TaskStatusWatch;
  /** Reports a failure no caller waits for (the client's `error` event), such as an automatic `tasks/cancel` refused. */
  report(error: Error): void;
}

/**
 * Drives a 2025-11-25 task: `tasks/get` reads it, `tasks/cancel` cancels it, and `tasks/result`
 * fetches its result. `tasks/result` blocks on the server until the task ends, and while it is
 * open the server sends the requests the task waits for (elicitation, sampling), which the
 * client's ordinary handlers answer: so it is opened as soon as the task asks for input (or ends),
 * in the background, while polling goes on to report the task's states.
 */
export class LegacyTaskDriver implements TaskDriver {
  /** The open `tasks/result` request, once the task asked for input; cleared when it fails, so that it can be opened again. */
  private pending: Promise<Record<string, unknown>> | undefined;
  /** Who watches the task's states (the handle's polling loop): told of the final state as soon as `tasks/result` answers. */
  private readonly listeners = new Set<(task: Task) => void>();
  /** Whether a final state was seen (polled, pushed or answered to a cancel): the handle's loop stopping then gives nothing up. */
  private ended = false;
  /** Whether this client asked the server to cancel the task, for the words of a `cancelled` outcome. */
  private cancelledHere = false;

  /**
   * @param channel The legacy session's requests and its `notifications/tasks/status` watch.
   * @param taskId The server's identifier of the task.
   * @param method The method of the request the task stands for, named in errors.
   * @param defaultPollIntervalMs The interval between polls when the server suggests none.
   * @param inherited What the requests of the task take from the call that made it: its per-request `timeoutMs`, its request `context`.
   */
  constructor(
    private readonly channel: LegacyTaskChannel,
    readonly taskId: string,
    readonly method: string,
    readonly defaultPollIntervalMs: number,
    private readonly inherited: CallOptions = {},
  ) {}

  get server(): string | undefined {
    return this.channel.server;
  }

  async get(signal: AbortSignal | undefined): Promise<Task> {
    const result = await this.channel.send('tasks/get', { taskId: this.taskId }, { ...this.inherited, signal });
    return this.seen(parseLegacyTask(result, { server: this.server, method: 'tasks/get' }));
  }

  async cancel(signal: AbortSignal | undefined): Promise<Task> {
    this.cancelledHere = true;
    const result = await this.channel.send('tasks/cancel', { taskId: this.taskId }, { ...this.inherited, signal });
    return this.seen(parseLegacyTask(result, { server: this.server, method: 'tasks/cancel' }));
  }

  /**
   * Opens `tasks/result` in the background once the task asks for input. It outlives the polling
   * loop that opened it unless that loop is given up before the task ends (`signal`, which the
   * handle aborts only then); when it fails it is forgotten, so that the next `input_required`
   * opens it again, and when it answers the loop learns the final state at once.
   */
  advance(task: Task, signal: AbortSignal): Promise<void> {
    if (task.status !== 'input_required' || this.pending !== undefined) return Promise.resolve();
    const controller = new AbortController();
    // The loop stops when its last waiter leaves, also right after a final state: only before one is the result given up.
    const unlink = onAbort(signal, (reason) => {
      if (!this.ended) controller.abort(reason);
    });
    const pending = this.fetchResult(controller.signal);
    this.pending = pending;
    pending.then(
      () => {
        unlink();
        // The task has ended: its final state wakes the loop rather than the next poll.
        void this.announceFinalState();
      },
      (error: unknown) => {
        unlink();
        if (ProtocolError.isInstance(error)) {
          // The server's error is the task's outcome (it failed), kept for `outcome`; the loop learns the final state at once.
          void this.announceFinalState();
        } else if (this.pending === pending) {
          // Given up, timed out or lost with the stream: the next `input_required` opens it again.
          this.pending = undefined;
        }
      },
    );
    return Promise.resolve();
  }

  async outcome(task: Task, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    if (task.status === 'cancelled') throw cancelledTask(task, { server: this.server, method: this.method }, this.cancelledHere);
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
    this.listeners.add(onState);
    const stop = this.channel.statuses.watch(this.taskId, (task) => onState(this.seen(task)));
    return () => {
      this.listeners.delete(onState);
      stop();
    };
  }

  /** Notes whether `task` is final, and returns it. */
  private seen(task: Task): Task {
    if (isTerminalStatus(task.status)) this.ended = true;
    return task;
  }

  /** Reads the task once `tasks/result` answered, and hands a final state to the watchers; a failed read is left to the next poll. */
  private async announceFinalState(): Promise<void> {
    if (this.listeners.size === 0) return;
    try {
      const task = await this.get(undefined);
      for (const onState of [...this.listeners]) onState(task);
    } catch {
      // The polling loop reads the task again at its next poll.
    }
  }

  /**
   * `tasks/result`, with no per-request timeout nor total cap (the client's `maxTotalTimeoutMs`
   * would otherwise apply): it blocks until the task ends, which may take as long as the task runs
   * and its input takes; waiting is bounded by the caller's signal (the task's deadline) instead.
   */
  private fetchResult(signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    const unbounded = { timeoutMs: Number.POSITIVE_INFINITY, maxTotalTimeoutMs: Number.POSITIVE_INFINITY };
    return this.channel.send('tasks/result', { taskId: this.taskId }, { ...this.inherited, signal, ...unbounded });
  }
}
