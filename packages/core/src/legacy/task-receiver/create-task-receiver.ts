import type { McpClientOptions } from '../../client/options.js';
import { resolveTaskReceiverOptions } from './task-receiver-options.js';
import { TaskReceiver, type TaskReceiverParts } from './task-receiver.js';

/**
 * The task receiver of one connection, when the client has a sampling or elicitation handler and
 * `taskReceiver` is not `false`; undefined otherwise.
 */
export function createTaskReceiver(options: McpClientOptions, parts: TaskReceiverParts): TaskReceiver | undefined {
  const { taskReceiver, sampling, elicitation, urlElicitation } = options;
  if (taskReceiver === false || (sampling === undefined && elicitation === undefined && urlElicitation === undefined)) return undefined;
  return new TaskReceiver(parts, resolveTaskReceiverOptions(taskReceiver, options.server));
}
