import { hasCapability } from '../client/capabilities.js';
import type { CallOptions } from '../client/options.js';
import { CapabilityError } from '../errors/capability-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { ToolLookup } from '../era/era-session.js';
import type { ServerSession } from '../session.js';
import { DEFAULT_TASK_POLL_INTERVAL_MS } from '../tasks/task.js';
import { resultWithin } from '../tasks/task-deadline.js';
import { openTaskHandle } from '../tasks/task-handle.js';
import { LegacyTaskDriver, type LegacyTaskChannel } from './legacy-task-driver.js';
import { parseLegacyTask } from './legacy-task.js';

/**
 * Sends a 2025-11-25 `tools/call`, as a task when the tool requires it or the caller asks for one
 * (`CallOptions.task`): then the result is the task's, once it ends (`tasks/result`), and
 * `onTask` gets its handle first; aborting the call's signal cancels the task (`tasks/cancel`).
 * Resolves with the raw result.
 */
export async function callToolLegacy(
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
  const handle = openTaskHandle(new LegacyTaskDriver(channel, seed.taskId, 'tools/call', DEFAULT_TASK_POLL_INTERVAL_MS), seed);
  options.onTask?.(handle);
  try {
    return await resultWithin(handle, options, channel.server);
  } catch (error) {
    if (options.signal?.aborted === true) {
      // Best effort, as on 2026-07-28: the caller already has its CancelledError, and cancelling is cooperative anyway.
      void handle.cancel().catch(() => undefined);
    }
    throw error;
  }
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
  // A server that cannot run tools as tasks has none that require it: no need to look the tool up.
  if (!hasCapability(info.capabilities, 'tasks.requests.tools.call')) {
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
