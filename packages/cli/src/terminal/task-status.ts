import type { Task, TaskHandle } from '@mcpx/core';
import type { Context } from '../context.js';
import type { ProgressBar } from './progress-bar.js';

/** A task's status and its message, as one short phrase: `working: Gathering sources...`. */
export function describeStatus(task: Pick<Task, 'status' | 'statusMessage'>): string {
  return task.statusMessage === undefined || task.statusMessage === '' ? task.status : `${task.status}: ${task.statusMessage}`;
}

/**
 * Shows the task a call became, on stderr only (stdout keeps the result): its id once, then each
 * change of its status or status message, after the progress bar's label at a terminal, as a line
 * each otherwise. `quiet` (`--no-progress`) keeps only the id.
 */
export class TaskStatusView {
  /** The task the call became, once it did. */
  handle: TaskHandle | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly context: Context,
    private readonly label: string,
    private readonly server: string,
    private readonly bar: ProgressBar,
    private readonly quiet: boolean,
    /** Whether to say the task's id first (a call that became a task); `mcpx tasks result` named it already. */
    private readonly announce = true,
  ) {}

  /** The call became `handle`: say so and follow it until it ends or `stop()`. */
  follow(handle: TaskHandle): void {
    this.handle = handle;
    const { err } = this.context;
    if (this.announce) this.context.note(err.dim(`mcpx: ${this.label} runs as task ${handle.taskId} on ${this.server}`));
    if (this.quiet) return;
    // Ends with the task or stop(); a failure to poll reaches the call, which reports it.
    void this.watch(handle);
  }

  /** Stops following: the call is over. */
  stop(): void {
    this.stopping.abort();
  }

  private async watch(handle: TaskHandle): Promise<void> {
    try {
      for await (const task of handle.changes(this.stopping.signal)) {
        if (this.bar.shown) this.bar.describe(describeStatus(task));
        else this.context.note(this.context.err.dim(`  ${describeStatus(task)}`));
      }
    } catch {
      // Stopped, or polling failed: the call's own wait reports that.
    }
  }
}
