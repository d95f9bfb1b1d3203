import { hasCapability } from '../client/capabilities.js';
import type { CallOptions } from '../client/options.js';
import { CapabilityError } from '../errors/capability-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { ToolLookup } from '../era/era-session.js';
import type { ServerSession } from '../session.js';
import { DEFAULT_TASK_POLL_INTERVAL_MS } from '../tasks/task.js';
import { resultWithin } from '../tasks/task-deadline.js';
import { openTaskHandle, type TaskHandle } from '../tasks/task-handle.js';
import { LegacyTaskDriver, type LegacyTaskChannel } from './legacy-task-driver.js';
import { parseLegacyTask } from './legacy-task.js';

const TASKS_CAPABILITY = 'tasks.requests.tools.call';

/**
 * Sends a 2025-11-25 `tools/call`, as a task when the tool requires it or the caller asks for one
 * (`CallOptions.task`): then the result is the task's, once it ends (`tasks/result`), and
 * `onTask` gets its handle first; aborting the call's signal cancels the task (`tasks/cancel`).
 * Resolves with the raw result.
 */
export function callToolLegacy(
  channel: LegacyTaskChannel,
  info: ServerSession,
  params: Record<string, unknown> & { name: string },
  options: CallOptions,
  lookup: ToolLookup,
): Promise<Record<string, unknown>> {
  // The common case (no task asked, none offered) hands back the request's own promise: no await, no wrapper.
  const plain = (options.task === undefined || options.task === false) && !hasCapability(info.capabilities, TASKS_CAPABILITY);
  return plain ? channel.send('tools/call', params, options) : callAsTask(channel, info, params, options, lookup);
}

/** A `tools/call` where a task was asked or the server offers them: the tool's `taskSupport` decides. */
async function callAsTask(
  channel: LegacyTaskChannel,
  info: ServerSession,
  params: Record<string, unknown> & { name: string },
  options: CallOptions,
  lookup: ToolLookup,
): Promise<Record<string, unknown>> {
  const task = await taskParams(params.name, info, options, lookup, channel.server);
  if (task === undefined) return channel.send('tools/call', params, options);
  const created = await channel.send('tools/call', { ...params, task }, options);
  const seed = parseLegacyTask(created.task, { server: channel.server, method: 'tools/call' });
  const { timeoutMs, context } = options;
  const inherited = { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(context === undefined ? {} : { context }) };
  const handle = openTaskHandle(new LegacyTaskDriver(channel, seed.taskId, 'tools/call', DEFAULT_TASK_POLL_INTERVAL_MS, inherited), seed);
  try {
    options.onTask?.(handle);
  } catch (error) {
    // Nobody will wait for the task: it is cancelled rather than left running on the server.
    abandon(handle, channel);
    throw error;
  }
  try {
    return await resultWithin(handle, options, channel.server);
  } catch (error) {
    if (options.signal?.aborted === true) abandon(handle, channel);
    throw error;
  }
}

/**
 * Cancels a task nobody waits for any more (the call was aborted, its `onTask` threw), best effort:
 * the caller already has its error; a refusal (a server without `tasks.cancel`) goes to the
 * client's `error` event, since no caller would see it.
 */
function abandon(handle: TaskHandle, channel: LegacyTaskChannel): void {
  // Reported, not awaited: cancelling is cooperative anyway, and the caller's error comes first.
  void handle.cancel().catch((error: unknown) => channel.report(error instanceof Error ? error : new Error(String(error))));
}

/** The `task` params of a `tools/call`, or undefined to call the tool as a plain request (2025-11-25 tool-level negotiation). */
async function taskParams(
  name: string,
  info: ServerSession,
  options: CallOptions,
  lookup: ToolLookup,
  server: string | undefined,
): Promise<{ ttl?: number } | undefined> {
  const asked = options.task;
  const where = { server, method: 'tools/call' };
  const ttlMs = typeof asked === 'object' ? asked.ttlMs : undefined;
  if (ttlMs !== undefined && !(Number.isInteger(ttlMs) && ttlMs > 0)) {
    throw new ConfigError(`tool "${name}": task.ttlMs must be a positive whole number of milliseconds, got ${String(ttlMs)}`, where);
  }
  // A server that cannot run tools as tasks has none that require it: no need to look the tool up.
  if (!hasCapability(info.capabilities, TASKS_CAPABILITY)) {
    if (asked === undefined || asked === false) return undefined;
    throw new CapabilityError('tasks.requests.tools.call', where);
  }
  const support = (await lookup(name))?.execution?.taskSupport ?? 'forbidden';
  if (asked === undefined) return support === 'required' ? {} : undefined;
  const refuse = (what: string): ConfigError =>
    new ConfigError(`tool "${name}" ${what} (its execution.taskSupport is "${support}")`, where);
  if (asked === false) {
    if (support === 'required') throw refuse('can only run as a task; call it without `task: false`');
    return undefined;
  }
  if (support === 'forbidden') throw refuse('cannot run as a task; call it without `task`');
  return asked === true || asked.ttlMs === undefined ? {} : { ttl: asked.ttlMs };
}
