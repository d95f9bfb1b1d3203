import type { ServerStats } from '@mcpx/registry';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode } from '../fleet/down.js';
import { describeFailure } from '../fleet/describe-failure.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { paintBreaker, paintState } from '../output/states.js';
import { renderTable } from '../output/table.js';
import { formatMs } from '../values/duration.js';
import { isLive, watchLoop, watchOptions, WatchScreen, type WatchView } from './watch.js';

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
  const live = isLive(context, options);
  let screen: WatchScreen | undefined;
  const redraws: Array<() => void> = [];
  const fleet = await openFleet(context, {
    select: context.args.positionals,
    // One-shot: a first check right away. Watching: a check every interval, and reconnection.
    health: { intervalMs: options.watch ? options.intervalMs : 50 },
    reconnect: options.watch,
    // Live, the table shows the servers connecting: the first frame comes at once, and each
    // change (a state, a check) is drawn as it happens, not an interval later.
    spinner: !live,
    whileConnecting: (connecting) => {
      if (!live) return;
      screen = new WatchScreen(context, options, healthView(connecting, context));
      screen.draw();
      redraws.push(
        connecting.registry.on('state', () => screen?.draw()),
        connecting.registry.on('health', () => screen?.draw()),
      );
    },
  });
  try {
    if (!options.watch) await untilAborted(firstChecks(fleet), context.signal);
    return await watchLoop(context, options, healthView(fleet, context), screen);
  } finally {
    // The last table stays as it was: closing the servers is not news.
    for (const off of redraws) off();
    await fleet.close();
  }
}

function healthView(fleet: Fleet, context: Context): WatchView {
  return {
    text: () => renderHealth(fleet, context),
    json: () => ({ takenAt: Date.now(), servers: healthRows(fleet) }),
    exitCode: () => (fleet.down().length > 0 ? downExitCode(fleet.down()) : EXIT.ok),
  };
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

function renderHealth(fleet: Fleet, context: Context): string {
  const { out } = context;
  const rows = healthRows(fleet);
  // A server that is down says why as `servers` does; one that is up, its last failed check.
  const lastError = (row: HealthRow): string => {
    const view = fleet.registry.get(row.name);
    if (view?.lastError !== undefined && view.state !== 'connected' && view.state !== 'degraded')
      return describeFailure(view.lastError).summary;
    return row.lastError?.split('\n')[0] ?? '';
  };
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
      row.lastError === null ? '' : out.red(lastError(row)),
    ]),
    out,
    context.width,
  );
}

/** Resolves once every server that is up and checked has been checked once. */
function firstChecks(fleet: Fleet): Promise<void> {
  const waiting = new Set(
    fleet.servers
      .filter((server) => server.health !== false && fleet.registry.get(server.name)?.client !== undefined)
      .map((server) => server.name),
  );
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
