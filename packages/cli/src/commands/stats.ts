import type { RegistrySnapshot } from '@mcpx/registry';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode } from '../fleet/down.js';
import { openFleet, untilAborted } from '../fleet/open-fleet.js';
import { paintState } from '../output/states.js';
import { renderTable } from '../output/table.js';
import { formatMs } from '../values/duration.js';
import { watchLoop, watchOptions } from './watch.js';

/** `mcpx stats [server...] [--watch]`. */
export async function run(context: Context): Promise<number> {
  const options = watchOptions(context);
  const fleet = await openFleet(context, {
    select: context.args.positionals,
    health: options.watch ? { intervalMs: options.intervalMs } : false,
    reconnect: options.watch,
  });
  try {
    // Some traffic to measure: the three catalog lists of every server.
    await untilAborted(
      Promise.all([fleet.registry.listTools(), fleet.registry.listResources(), fleet.registry.listPrompts()]),
      context.signal,
    );
    return await watchLoop(context, options, {
      text: () => renderStats(fleet.registry.snapshot(), context),
      json: () => fleet.registry.snapshot(),
      exitCode: () => (fleet.down().length > 0 ? downExitCode(fleet.down()) : EXIT.ok),
    });
  } finally {
    await fleet.close();
  }
}

function renderStats(snapshot: RegistrySnapshot, context: Context): string {
  const { out } = context;
  const percent = (rate: number, total: number): string => (total === 0 ? '-' : `${(rate * 100).toFixed(rate === 1 ? 0 : 1)}%`);
  const table = renderTable(
    [
      { header: 'NAME' },
      { header: 'STATE' },
      { header: 'REQUESTS', right: true },
      { header: 'FAILED', right: true },
      { header: 'SUCCESS', right: true },
      { header: 'P50', right: true },
      { header: 'P95', right: true },
      { header: 'MAX', right: true },
      { header: 'RECONNECTS', right: true },
      { header: 'UPTIME', right: true },
    ],
    snapshot.servers.map((server) => [
      out.bold(server.name),
      paintState(server.state, out),
      String(server.requests.total),
      String(server.requests.failed),
      percent(server.requests.successRate, server.requests.total),
      server.latency.count === 0 ? '-' : formatMs(server.latency.p50),
      server.latency.count === 0 ? '-' : formatMs(server.latency.p95),
      server.latency.count === 0 ? '-' : formatMs(server.latency.max),
      String(server.reconnects),
      server.uptimeMs === 0 ? '-' : formatMs(server.uptimeMs),
    ]),
    out,
  );
  const { totals } = snapshot;
  return `${table}${out.dim(`${totals.servers} servers, ${totals.requests.total} requests, ${totals.requests.failed} failed, ${totals.requests.rejected} refused, ${totals.reconnects} reconnects`)}\n`;
}
