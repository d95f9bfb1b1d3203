import type { McpClientOptions } from '../../client/options.js';
import type { ClientCapabilities } from '../../types/index.js';

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
 * `capabilities` with the receiver's `tasks` capability added for a 2025-11-25 handshake; an
 * explicit `capabilities.tasks` (the client's `capabilities` option) replaces it.
 */
export function withTaskReceiverCapability(capabilities: ClientCapabilities, options: McpClientOptions): ClientCapabilities {
  const tasks = taskReceiverCapability(options);
  if (tasks === undefined || capabilities.tasks !== undefined) return capabilities;
  return { ...capabilities, tasks };
}
