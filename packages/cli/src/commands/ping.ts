import { stringFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { describeDown } from '../fleet/down.js';
import { openFleet } from '../fleet/open-fleet.js';
import { pingServer, type PingResult } from '../fleet/ping.js';
import { formatMs, parseCount, parseDuration } from '../values/duration.js';
import { sleep } from './watch.js';

/** `mcpx ping [server...] [--count <n>] [--interval <duration>]`. */
export async function run(context: Context): Promise<number> {
  const countFlag = stringFlag(context.args, 'count');
  const intervalFlag = stringFlag(context.args, 'interval');
  const count = countFlag === undefined ? 1 : parseCount(countFlag, 'count');
  const intervalMs = intervalFlag === undefined ? 1000 : parseDuration(intervalFlag, 'interval');
  const fleet = await openFleet(context, { select: context.args.positionals });
  try {
    const { out } = context;
    const results = new Map<string, PingResult[]>(fleet.servers.map((server) => [server.name, []]));
    const width = Math.max(...fleet.servers.map((server) => server.name.length));
    for (let round = 0; round < count && !context.signal.aborted; round++) {
      if (round > 0) await sleep(intervalMs, context.signal);
      const pings = await Promise.all(
        fleet.servers.map((server) => {
          const view = fleet.registry.get(server.name)!;
          if (view.state !== 'connected' && view.state !== 'degraded')
            return Promise.resolve<PingResult>({ server: server.name, ok: false, latencyMs: null, error: describeDown(fleet, view) });
          return pingServer(view, { timeoutMs: context.timeoutMs, signal: context.signal });
        }),
      );
      for (const ping of pings) {
        results.get(ping.server)!.push(ping);
        if (!context.json)
          context.print(
            `${out.bold(ping.server.padEnd(width))}  ${ping.ok ? `${out.green('ok')}  ${formatMs(ping.latencyMs)}` : `${out.red('failed')}  ${ping.error}`}\n`,
          );
      }
    }
    const summary = [...results].map(([server, pings]) => {
      const times = pings.filter((ping) => ping.ok).map((ping) => ping.latencyMs!);
      return {
        server,
        sent: pings.length,
        received: times.length,
        minMs: times.length === 0 ? null : Math.min(...times),
        avgMs: times.length === 0 ? null : times.reduce((sum, time) => sum + time, 0) / times.length,
        maxMs: times.length === 0 ? null : Math.max(...times),
        error: pings.find((ping) => !ping.ok)?.error ?? null,
      };
    });
    if (context.json) printJson(context, { pings: summary });
    else if (count > 1) {
      for (const row of summary)
        context.print(
          `${out.bold(row.server.padEnd(width))}  ${row.received}/${row.sent} answered, min/avg/max ${formatMs(row.minMs)} / ${formatMs(row.avgMs)} / ${formatMs(row.maxMs)}\n`,
        );
    }
    if (context.signal.aborted) return EXIT.interrupted;
    return summary.every((row) => row.received === row.sent) ? EXIT.ok : EXIT.unavailable;
  } finally {
    await fleet.close();
  }
}
