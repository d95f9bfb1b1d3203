import type { ManagedServer } from './managed-server.js';
import { isUp } from './server-state.js';
import type { ConnectOutcome } from './server-view.js';

/** What `connectAll()` did, server by server. */
export interface ConnectReport {
  /** One outcome per enabled server, in registration order. */
  outcomes: ConnectOutcome[];
  /** Servers up after the attempt (connected or degraded). */
  connected: string[];
  /** Servers whose attempt failed: they are `reconnecting` in the background, or `failed`. */
  failed: string[];
  /** Disabled servers, left alone. */
  disabled: string[];
}

/** Connects every enabled server of `servers` in parallel; resolves with every outcome and never rejects because a server failed. */
export async function connectEvery(servers: readonly ManagedServer[]): Promise<ConnectReport> {
  const disabled = servers.filter((server) => !server.isEnabled).map((server) => server.name);
  const outcomes = await Promise.all(
    servers
      .filter((server) => server.isEnabled)
      .map((server) =>
        server.connect().catch((error: unknown): ConnectOutcome => ({
          server: server.name,
          ok: false,
          state: server.state,
          durationMs: 0,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
      ),
  );
  return {
    outcomes,
    connected: outcomes.filter((outcome) => isUp(outcome.state)).map((outcome) => outcome.server),
    failed: outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.server),
    disabled,
  };
}
