import type { ServerStats } from '@mcpx/registry';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { paintBreaker, paintState } from '../output/states.js';
import { renderTable } from '../output/table.js';
import { formatMs } from '../values/duration.js';
import { watchLoop, watchOptions } from './watch.js';

/** One server's health, as the table and the JSON show it. */
export interface HealthRow {
  name: string;
  state: string;
  /** The last health check's round trip, in milliseconds. */
  latencyMs: number | null;
  /** Failed share of the recent checks, 0 to 1. */
  errorRate: number;
  checks: number;
  consecutiveFailures: number;
  breaker: string;
  lastError: string | null;
}

/** `mcpx health [server...] [--watch]`. */
export async function run(context: Context): Promise<number> {
  const options = watchOptions(context);
  const fleet = await openFleet(context, {
    select: context.args.positionals,
    // One-shot: a first check right away. Watching: a check every interval, and reconnection.
    health: { intervalMs: options.watch ? options.intervalMs : 50 },
    reconnect: options.watch,
  });
  try {
    if (!options.watch) await untilAborted(firstChecks(fleet), context.signal);
    return await watchLoop(context, options, {
      text: () => renderHealth(healthRows(fleet), context),
      json: () => ({ takenAt: Date.now(), servers: healthRows(fleet) }),
      exitCode: () => (fleet.down().length > 0 ? EXIT.unavailable : EXIT.ok),
    });
  } finally {
    await fleet.close();
  }
}

/** Each server's health from the registry's statistics. */
export function healthRows(fleet: Fleet): HealthRow[] {
  return fleet.registry.snapshot().servers.map((stats: ServerStats) => ({
    name: stats.name,
    state: stats.state,
    latencyMs: stats.health.lastLatencyMs,
    errorRate: stats.health.errorRate,
    checks: stats.health.checks,
    consecutiveFailures: stats.health.consecutiveFailures,
    breaker: stats.breaker.state,
    lastError: stats.lastError?.message ?? null,
  }));
}

function renderHealth(rows: readonly HealthRow[], context: Context): string {
  const { out } = context;
  return renderTable(
    [
      { header: 'NAME' },
      { header: 'STATE' },
      { header: 'LATENCY', right: true },
      { header: 'ERRORS', right: true },
      { header: 'CHECKS', right: true },
      { header: 'BREAKER' },
      { header: 'LAST ERROR', flexible: true },
    ],
    rows.map((row) => [
      out.bold(row.name),
      paintState(row.state, out),
      formatMs(row.latencyMs),
      row.checks === 0 ? '-' : `${Math.round(row.errorRate * 100)}%`,
      String(row.checks),
      paintBreaker(row.breaker, out),
      row.lastError === null ? '' : out.red(row.lastError.split('\n')[0] ?? ''),
    ]),
    out,
    context.width,
  );
}

/** Resolves once every server that is up and checked has been checked once. */
function firstChecks(fleet: Fleet): Promise<void> {
  const waiting = new Set(fleet.servers.filter((server) => server.health !== false && fleet.registry.get(server.name)?.client !== undefined).map((server) => server.name));
  if (waiting.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (server: string): void => {
      waiting.delete(server);
      if (waiting.size > 0) return;
      offHealth();
      offState();
      resolve();
    };
    const offHealth = fleet.registry.on('health', (event) => done(event.server));
    // A server that drops before its check is not waited for.
    const offState = fleet.registry.on('state', (change) => {
      if (change.to !== 'connected' && change.to !== 'degraded') done(change.server);
    });
  });
}
