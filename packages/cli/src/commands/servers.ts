import type { ServerConfig } from '@mcpx/factory';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { describeFailure } from '../fleet/describe-failure.js';
import { downExitCode, explainDown, stderrBlock } from '../fleet/down.js';
import { openFleet, type Fleet } from '../fleet/open-fleet.js';
import { pingServer } from '../fleet/ping.js';
import { paintState } from '../output/states.js';
import { renderTable } from '../output/table.js';
import { formatMs } from '../values/duration.js';

/** One server as `mcpx servers` shows it. */
export interface ServerRow {
  name: string;
  transport: string;
  target: string;
  enabled: boolean;
  state: string;
  era: string | null;
  protocolVersion: string | null;
  serverInfo: { name: string; version: string } | null;
  latencyMs: number | null;
  tools: number | null;
  error: string | null;
}

/** `mcpx servers [server...]`. */
export async function run(context: Context): Promise<number> {
  const fleet = await openFleet(context, { select: context.args.positionals });
  try {
    const rows = await serverRows(fleet, context);
    if (context.json) printJson(context, { config: fleet.loaded.file, servers: rows });
    else {
      context.print(renderServers(rows, fleet, context));
      // What a server that failed to start said on its way out: the line to fix it from.
      for (const view of fleet.down())
        if (stderrBlock(view).length > 0) context.note(`${context.err.red('mcpx:')} ${explainDown(fleet, view)}`);
    }
    return fleet.down().length > 0 ? downExitCode(fleet.down()) : EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** Each server of the fleet with its session, a fresh ping and its tool count. */
export async function serverRows(fleet: Fleet, context: Context): Promise<ServerRow[]> {
  const [catalog, pings] = await Promise.all([
    fleet.registry.listTools(),
    Promise.all(
      fleet.servers.map((server) => pingServer(fleet.registry.get(server.name)!, { timeoutMs: context.timeoutMs, signal: context.signal })),
    ),
  ]);
  const failed = new Set(catalog.failures.map((failure) => failure.server));
  return fleet.servers.map((server, index) => {
    const view = fleet.registry.get(server.name)!;
    const session = view.client?.session;
    const up = view.state === 'connected' || view.state === 'degraded';
    return {
      name: server.name,
      transport: server.transport,
      target: target(server),
      enabled: server.enabled,
      state: view.state,
      era: session?.era ?? null,
      protocolVersion: session?.protocolVersion ?? null,
      serverInfo: session === undefined ? null : { name: session.serverInfo.name, version: session.serverInfo.version },
      latencyMs: pings[index]!.latencyMs,
      tools: up && !failed.has(server.name) ? catalog.tools.filter((tool) => tool.server === server.name).length : null,
      error: view.lastError?.message ?? (up ? pings[index]!.error : null),
    };
  });
}

/** The servers as a table; a server that is down has why in its note (see `describeFailure`). */
export function renderServers(rows: readonly ServerRow[], fleet: Fleet, context: Context): string {
  const { out } = context;
  const note = (row: ServerRow): string => {
    const view = fleet.registry.get(row.name);
    const down = view !== undefined && view.lastError !== undefined && view.state !== 'connected' && view.state !== 'degraded';
    return down ? describeFailure(view.lastError).summary : firstLine(row.error ?? '');
  };
  return renderTable(
    [
      { header: 'NAME' },
      { header: 'TRANSPORT' },
      { header: 'PROTOCOL' },
      { header: 'STATE' },
      { header: 'LATENCY', right: true },
      { header: 'TOOLS', right: true },
      { header: 'NOTE', flexible: true },
    ],
    rows.map((row) => [
      out.bold(row.name),
      row.transport,
      // The revision, not the era: "legacy" would read as if 2025-11-25 were outdated.
      row.protocolVersion ?? row.era ?? '-',
      paintState(row.state, out),
      formatMs(row.latencyMs),
      row.tools === null ? '-' : String(row.tools),
      row.error === null
        ? row.serverInfo === null
          ? ''
          : out.dim(`${row.serverInfo.name} ${row.serverInfo.version}`)
        : out.red(note(row)),
    ]),
    out,
    context.width,
  );
}

/** The command line or URL of a server. */
export function target(server: ServerConfig): string {
  return server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
