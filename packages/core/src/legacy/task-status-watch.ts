import type { Task } from '../tasks/task.js';
import { parseLegacyTask } from './legacy-task.js';

/**
 * Where a 2025-11-25 connection hands `notifications/tasks/status` to the task handles polling the
 * task it names, so that a pushed state ends their wait between two polls early.
 */
export class TaskStatusWatch {
  private readonly watchers = new Map<string, Set<(task: Task) => void>>();

  constructor(private readonly server: string | undefined) {}

  /** Calls `onState` with each state pushed for `taskId`; returns the function that stops it. */
  watch(taskId: string, onState: (task: Task) => void): () => void {
    const watchers = this.watchers.get(taskId) ?? new Set();
    this.watchers.set(taskId, watchers);
    watchers.add(onState);
    return () => {
      watchers.delete(onState);
      if (watchers.size === 0) this.watchers.delete(taskId);
    };
  }

  /** Takes in a `notifications/tasks/status`; one that is no valid task is left to the client's listeners alone. */
  receive(params: Record<string, unknown>): void {
    const watchers = this.watchers.get(typeof params.taskId === 'string' ? params.taskId : '');
    if (watchers === undefined) return;
    let task: Task;
    try {
      task = parseLegacyTask(params, { server: this.server, method: 'notifications/tasks/status' });
    } catch {
      return;
    }
    for (const onState of [...watchers]) onState(task);
  }
}
