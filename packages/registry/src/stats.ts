import type { LatencyStats } from '@mcpx/core';
import type { BreakerSnapshot } from './circuit-breaker.js';
import type { HealthSnapshot } from './health-monitor.js';
import { LatencyWindow } from '@mcpx/core/internal';
import { SERVER_STATES, type ServerState } from './server-state.js';

/** Request counters of one server or of the whole registry. */
export interface RequestCounts {
  /** Requests that reached the server: routed calls, catalog lists and health checks. */
  total: number;
  succeeded: number;
  failed: number;
  /** `succeeded / total`; 1 while `total` is 0. */
  successRate: number;
  /** Calls the registry refused without sending: server not up, circuit open, registry closing. */
  rejected: number;
  /** Calls routed through the registry and not settled yet. */
  inFlight: number;
}

/** Statistics of one server, JSON-ready. Times are milliseconds since the epoch. */
export interface ServerStats {
  name: string;
  state: ServerState;
  enabled: boolean;
  tags: string[];
  requests: RequestCounts;
  /** Latency of the requests that reached the server, in milliseconds. */
  latency: LatencyStats;
  /** How long the current connection has lasted, in milliseconds; 0 when not connected. */
  uptimeMs: number;
  /** When the current connection was made; null when not connected. */
  connectedAt: number | null;
  /** Successful reconnections after a lost connection. */
  reconnects: number;
  /** Connection attempts that failed. */
  connectFailures: number;
  /** The last connection or health error. */
  lastError: { name: string; message: string; code?: string | number } | null;
  health: HealthSnapshot;
  breaker: BreakerSnapshot;
}

/** Every server's statistics and registry-wide totals, JSON-ready. */
export interface RegistrySnapshot {
  /** When it was taken, in milliseconds since the epoch. */
  takenAt: number;
  servers: ServerStats[];
  totals: {
    servers: number;
    /** How many servers are in each state. */
    states: Record<ServerState, number>;
    requests: RequestCounts;
    reconnects: number;
  };
}

/** Collects one server's request counts and latencies, across all its connections. */
export class StatsRecorder {
  private readonly latency = new LatencyWindow();
  private succeeded = 0;
  private failed = 0;
  private refused = 0;
  reconnects = 0;
  connectFailures = 0;

  /** A request that reached the server settled. */
  record(durationMs: number, ok: boolean): void {
    this.latency.add(durationMs);
    if (ok) this.succeeded++;
    else this.failed++;
  }

  /** The registry refused a call without sending it. */
  rejected(): void {
    this.refused++;
  }

  requests(inFlight: number): RequestCounts {
    const total = this.succeeded + this.failed;
    return {
      total,
      succeeded: this.succeeded,
      failed: this.failed,
      successRate: total === 0 ? 1 : this.succeeded / total,
      rejected: this.refused,
      inFlight,
    };
  }

  latencyStats(): LatencyStats {
    return this.latency.stats();
  }
}

/** An error as statistics show it: its name, message and code (when it has a string or numeric one). */
export function errorSummary(error: Error | undefined): ServerStats['lastError'] {
  if (error === undefined) return null;
  const code = (error as Error & { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}

/** Sums per-server statistics into a registry snapshot. */
export function summarize(servers: ServerStats[], takenAt: number): RegistrySnapshot {
  const states = Object.fromEntries(SERVER_STATES.map((state) => [state, 0])) as Record<ServerState, number>;
  const requests: RequestCounts = { total: 0, succeeded: 0, failed: 0, successRate: 1, rejected: 0, inFlight: 0 };
  let reconnects = 0;
  for (const server of servers) {
    states[server.state]++;
    requests.total += server.requests.total;
    requests.succeeded += server.requests.succeeded;
    requests.failed += server.requests.failed;
    requests.rejected += server.requests.rejected;
    requests.inFlight += server.requests.inFlight;
    reconnects += server.reconnects;
  }
  requests.successRate = requests.total === 0 ? 1 : requests.succeeded / requests.total;
  return { takenAt, servers, totals: { servers: servers.length, states, requests, reconnects } };
}
