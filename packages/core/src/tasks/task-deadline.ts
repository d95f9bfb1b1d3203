import type { CallOptions, McpClientOptions } from '../client/options.js';
import { TaskTimeoutError } from '../errors/task-timeout-error.js';
import { mergeContext } from '../middleware/request-context.js';
import type { TaskHandle } from './task-handle.js';

/** Where a call carries the deadline of its whole task wait, set by `callTool` from the call's and the client's settings. */
const TASK_DEADLINE: unique symbol = Symbol('mcpx.taskDeadline');

/** A deadline: when the wait must end (`Date.now()` milliseconds), with the limit and the setting that set it. */
interface TaskDeadline {
  readonly at: number;
  readonly timeoutMs: number;
  readonly setting: string;
}

type DeadlineOptions = CallOptions & { [TASK_DEADLINE]?: TaskDeadline };

/**
 * `options` with the deadline of the whole call, task wait included: the smaller of
 * `maxTotalTimeoutMs` (the call's, else the client's) and the request context's `ttlMs` (the
 * call's over the client's), counted from now. `timeoutMs` bounds each request (the call, each
 * poll), never the wait: a task is there to outlive one request.
 */
export function withTaskDeadline(options: CallOptions | undefined, client: McpClientOptions): CallOptions {
  const total = options?.maxTotalTimeoutMs ?? client.maxTotalTimeoutMs;
  const ttlMs = mergeContext(client.context, options?.context)?.ttlMs;
  // The smaller finite limit, `maxTotalTimeoutMs` on a tie; no arrays, as most calls have neither.
  let limit: { timeoutMs: number; setting: string } | undefined;
  if (total !== undefined && Number.isFinite(total))
    limit = { timeoutMs: total, setting: client.settingNames?.maxTotalTimeoutMs ?? 'maxTotalTimeoutMs' };
  if (ttlMs !== undefined && Number.isFinite(ttlMs) && (limit === undefined || ttlMs < limit.timeoutMs))
    limit = { timeoutMs: ttlMs, setting: 'the request context ttlMs' };
  if (limit === undefined) return options ?? {};
  const deadline: TaskDeadline = { ...limit, at: Date.now() + limit.timeoutMs };
  return { ...options, [TASK_DEADLINE]: deadline } as DeadlineOptions;
}

/**
 * The task's result, waited for until the call's signal aborts or its deadline passes: then a
 * `TaskTimeoutError` naming the task, which goes on on the server (it is not cancelled).
 */
export async function resultWithin(handle: TaskHandle, options: CallOptions, server: string | undefined): Promise<Record<string, unknown>> {
  const deadline = (options as DeadlineOptions)[TASK_DEADLINE];
  if (deadline === undefined) return handle.result(options.signal);
  const expired = new AbortController();
  const timer = setTimeout(() => expired.abort(), Math.max(0, deadline.at - Date.now()));
  const signal = options.signal === undefined ? expired.signal : AbortSignal.any([options.signal, expired.signal]);
  try {
    return await handle.result(signal);
  } catch (error) {
    if (!expired.signal.aborted || options.signal?.aborted === true) throw error;
    const { timeoutMs, setting } = deadline;
    throw new TaskTimeoutError({ taskId: handle.taskId, timeoutMs, setting, server, method: 'tools/call', cause: error });
  } finally {
    clearTimeout(timer);
  }
}
