import type { ClientEvents } from '../client/events.js';
import { ElicitationCompletions } from '../client/elicitation-completions.js';
import type { CallOptions, McpClientOptions } from '../client/options.js';
import type { Seal } from '../client/request-pipeline.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import { TaskStatusWatch } from '../legacy/task-status-watch.js';
import { ModernMemory } from '../modern/modern-memory.js';
import type { Implementation } from '../types/index.js';

/**
 * How a session reaches its server: through its client, which checks first that it is connected
 * and that the server advertised what the method needs, applies its request defaults and runs its
 * middleware. The session gives the params without its envelope, and `seal` to add it (and the
 * headers that mirror tool arguments), so that middleware sees and changes the same params in both
 * eras, and what is sealed is what the middleware left.
 */
export interface SessionChannel {
  request(method: string, params: Record<string, unknown> | undefined, options: CallOptions, seal?: Seal): Promise<Record<string, unknown>>;
}

/** What the sessions of one client are given by it, the same for every connection. */
export interface SessionParts {
  readonly channel: SessionChannel;
  /** The client's options: its server name, handlers and limits. */
  readonly options: McpClientOptions;
  readonly clientInfo: Implementation;
  /** The client's extensions: the result types they add. */
  readonly extensions: ExtensionRegistry;
  /** Where a session reports errors and diagnostics. */
  readonly emitter: ClientEvents;
  /** What the 2026-07-28 sessions keep from one connection to the next. */
  readonly modern: ModernMemory;
  /** Where URL elicitations wait for `notifications/elicitation/complete` (2025-11-25). */
  readonly elicitations: ElicitationCompletions;
  /** Where task handles wait for `notifications/tasks/status` (2025-11-25): one for the client, so that handles made before a reconnect still hear them. */
  readonly taskStatuses: TaskStatusWatch;
}

/**
 * The parts of the sessions of a client; what outlives one connection is made here, once, and the
 * era-specific parts on first use: a client whose servers all speak a legacy revision never builds
 * the 2026-07-28 memory (its cache store, identity and subscription tables), and one that runs no
 * 2025-11-25 task never builds the task status watch.
 */
export function sessionParts(client: Omit<SessionParts, 'modern' | 'elicitations' | 'taskStatuses'>): SessionParts {
  return new ClientSessionParts(client);
}

/** The `SessionParts` of one client, with its era-specific parts made on first use. */
class ClientSessionParts implements SessionParts {
  readonly channel: SessionChannel;
  readonly options: McpClientOptions;
  readonly clientInfo: Implementation;
  readonly extensions: ExtensionRegistry;
  readonly emitter: ClientEvents;
  readonly elicitations = new ElicitationCompletions();
  private modernMemory: ModernMemory | undefined;
  private statusWatch: TaskStatusWatch | undefined;

  constructor(client: Omit<SessionParts, 'modern' | 'elicitations' | 'taskStatuses'>) {
    this.channel = client.channel;
    this.options = client.options;
    this.clientInfo = client.clientInfo;
    this.extensions = client.extensions;
    this.emitter = client.emitter;
  }

  get modern(): ModernMemory {
    return (this.modernMemory ??= new ModernMemory(
      this.options,
      (error) => this.emitter.emit('error', { error }),
      (error) => this.emitter.emit('warning', { error }),
    ));
  }

  get taskStatuses(): TaskStatusWatch {
    return (this.statusWatch ??= new TaskStatusWatch(this.options.server));
  }
}
