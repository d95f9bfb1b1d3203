import type { McpClientOptions } from '../../client/options.js';
import { ConfigError } from '../../errors/config-error.js';
import type { ClientCapabilities } from '../../types/index.js';
import { isObject } from '../../validation/guards.js';

/**
 * The revisions in which a client hosts tasks (task-augmented `sampling/createMessage` and
 * `elicitation/create`): only 2025-11-25. Older revisions had no tasks, and SEP-2663 removed
 * client-hosted tasks from 2026-07-28.
 */
export const CLIENT_HOSTED_TASK_VERSIONS: readonly string[] = ['2025-11-25'];

/**
 * The `tasks` capability the client declares in a 2025-11-25 `initialize`: `list`, `cancel`, and
 * `requests.sampling.createMessage` / `requests.elicitation.create` for the handlers it has;
 * undefined with neither handler or with `taskReceiver: false`.
 */
export function taskReceiverCapability(options: McpClientOptions): ClientCapabilities['tasks'] {
  if (options.taskReceiver === false) return undefined;
  const sampling = options.sampling !== undefined;
  const elicitation = options.elicitation !== undefined || options.urlElicitation !== undefined;
  if (!sampling && !elicitation) return undefined;
  return {
    list: {},
    cancel: {},
    requests: {
      ...(sampling ? { sampling: { createMessage: {} } } : {}),
      ...(elicitation ? { elicitation: { create: {} } } : {}),
    },
  };
}

/**
 * `capabilities` as the client declares them when it offers `revision`: with the receiver's
 * `tasks` capability added in a revision that has client-hosted tasks (an explicit
 * `capabilities.tasks`, from the client's `capabilities` option, replaces it), and without any
 * `tasks` in every other revision.
 */
export function capabilitiesForRevision(capabilities: ClientCapabilities, options: McpClientOptions, revision: string): ClientCapabilities {
  if (!CLIENT_HOSTED_TASK_VERSIONS.includes(revision)) {
    const { tasks: _tasks, ...rest } = capabilities;
    return rest;
  }
  const tasks = taskReceiverCapability(options);
  if (tasks === undefined || capabilities.tasks !== undefined) return capabilities;
  return { ...capabilities, tasks };
}

/**
 * Refuses a `capabilities.tasks` the client could not honour, with a `ConfigError` that says what
 * to change: declared with `taskReceiver: false`, without a sampling or elicitation handler, or
 * with a task request (`tasks.requests.sampling.createMessage`, `tasks.requests.elicitation.create`)
 * whose handler is missing.
 */
export function checkTaskCapability(options: McpClientOptions): void {
  const tasks = options.capabilities?.tasks;
  if (tasks === undefined) return;
  const fail = (message: string): never => {
    throw new ConfigError(`new McpClient(options): "capabilities.tasks" ${message}`, { server: options.server });
  };
  if (options.taskReceiver === false) {
    fail('declares client-hosted tasks, but "taskReceiver" is false; remove one of them');
  }
  const sampling = options.sampling !== undefined;
  const elicitation = options.elicitation !== undefined || options.urlElicitation !== undefined;
  if (!sampling && !elicitation) {
    fail(
      'declares client-hosted tasks, but there is no sampling or elicitation handler to run them; add a handler or remove capabilities.tasks',
    );
  }
  const requests = isObject(tasks.requests) ? tasks.requests : {};
  if (isObject(requests.sampling) && requests.sampling.createMessage !== undefined && !sampling) {
    fail('declares requests.sampling.createMessage, but there is no "sampling" handler; add one or remove that entry');
  }
  if (isObject(requests.elicitation) && requests.elicitation.create !== undefined && !elicitation) {
    fail('declares requests.elicitation.create, but there is no "elicitation" or "urlElicitation" handler; add one or remove that entry');
  }
}
