import type { Task } from '@mcpx/core';
import { formatMs } from '../values/duration.js';
import type { Style } from './style.js';

/** A task status, coloured: green when completed, red when failed, yellow while it waits for input, dim when cancelled. */
export function paintStatus(status: string, style: Style): string {
  switch (status) {
    case 'completed':
      return style.green(status);
    case 'failed':
      return style.red(status);
    case 'input_required':
      return style.yellow(status);
    case 'cancelled':
      return style.dim(status);
    default:
      return style.cyan(status);
  }
}

/** A task as `mcpx tasks get` shows it: one `key  value` line for each field the server sent. */
export function renderTask(task: Task, style: Style): string {
  const fields: Array<[string, string | undefined]> = [
    ['task', task.taskId],
    ['status', paintStatus(task.status, style)],
    ['message', task.statusMessage],
    ['created', task.createdAt],
    ['updated', task.lastUpdatedAt],
    ['ttl', task.ttlMs === undefined ? undefined : task.ttlMs === null ? 'unlimited' : formatMs(task.ttlMs)],
    ['poll every', task.pollIntervalMs === undefined ? undefined : formatMs(task.pollIntervalMs)],
  ];
  const shown = fields.filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '');
  const width = Math.max(...shown.map(([key]) => key.length));
  return shown.map(([key, value]) => `${style.dim(key.padEnd(width))}  ${value}\n`).join('');
}
