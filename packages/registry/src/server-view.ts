import type { McpClient } from '@mcpx/core';
import type { BreakerState } from './circuit-breaker.js';
import type { ServerState } from './server-state.js';

/** How one server's connection attempt ended. */
export type ConnectOutcome =
  | { server: string; ok: true; state: ServerState; durationMs: number }
  | { server: string; ok: false; state: ServerState; durationMs: number; error: Error };

/** A registered server as `get()` and `list()` show it: a live view, not a copy. */
export interface RegisteredServer {
  readonly name: string;
  readonly state: ServerState;
  readonly enabled: boolean;
  readonly tags: readonly string[];
  /** The prefix of its tools and prompts in the catalog. */
  readonly toolPrefix: string;
  /** The client while connected or degraded. Calls made on it directly bypass the breaker, the statistics of refusals and the drain on close. */
  readonly client: McpClient | undefined;
  /** The last connection or health-check error. */
  readonly lastError: Error | undefined;
  /** Its circuit breaker's state. */
  readonly breaker: BreakerState;
}

/** What a view reads from. */
export interface ViewSource {
  readonly name: string;
  readonly state: ServerState;
  readonly isEnabled: boolean;
  readonly config: { readonly tags: readonly string[]; readonly toolPrefix: string };
  readonly currentClient: McpClient | undefined;
  readonly error: Error | undefined;
  readonly breakerState: BreakerState;
}

/** A read-only view whose fields always show the current values of `source`. */
export function createView(source: ViewSource): RegisteredServer {
  return {
    get name() {
      return source.name;
    },
    get state() {
      return source.state;
    },
    get enabled() {
      return source.isEnabled;
    },
    get tags() {
      return source.config.tags;
    },
    get toolPrefix() {
      return source.config.toolPrefix;
    },
    get client() {
      return source.currentClient;
    },
    get lastError() {
      return source.error;
    },
    get breaker() {
      return source.breakerState;
    },
  };
}
