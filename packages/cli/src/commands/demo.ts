import type { CallToolResult } from '@mcpx/core';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode } from '../fleet/down.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, untilAborted } from '../fleet/open-fleet.js';
import { renderContent } from '../output/content.js';
import { selfName } from '../output/self-name.js';
import { formatMs } from '../values/duration.js';
import { renderServers, serverRows } from './servers.js';

/** The call the demo makes when the fleet has server-everything. */
const DEMO_CALL = { tool: 'get-sum', args: { a: 19, b: 23 }, line: 'a=19 b=23' };

/** `mcpx demo`: the fleet coming up, the servers table, a tool call. What `pnpm start` runs. */
export async function run(context: Context): Promise<number> {
  const { out } = context;
  const say = (text: string): void => {
    if (!context.json) context.print(text);
  };
  const loaded = await loadFleetConfig(context);
  const enabled = loaded.config.servers.filter((server) => server.enabled);
  say(
    `${out.bold('mcpx')} ${__MCPX_VERSION__} · bringing up ${enabled.length === 1 ? '1 server' : `${enabled.length} servers`} from ${loaded.file}\n`,
  );
  const started = performance.now();
  const fleet = await openFleet(context, {
    loaded,
    // Each server is said as it comes up: no spinner besides.
    spinner: false,
    onState: (change) => {
      if (change.to === 'connected') say(`  ${out.green('✓')} ${out.bold(change.server)} ${out.dim(change.reason)}\n`);
      if (change.to === 'failed' || change.to === 'reconnecting') say(`  ${out.red('✗')} ${out.bold(change.server)} ${change.reason}\n`);
    },
  });
  try {
    const rows = await serverRows(fleet, context);
    const up = rows.filter((row) => row.state === 'connected' || row.state === 'degraded').length;
    say(`${out.dim(`${up} of ${rows.length} up in ${formatMs(performance.now() - started)}`)}\n\n$ mcpx servers\n`);
    say(renderServers(rows, fleet, context));

    const { tools } = await fleet.registry.listTools();
    const demo = tools.find((tool) => tool.originalName === DEMO_CALL.tool);
    let code: number = fleet.down().length > 0 ? downExitCode(fleet.down()) : EXIT.ok;
    let call: { tool: string; arguments: Record<string, unknown>; result: CallToolResult } | null = null;
    if (demo === undefined) {
      say(`\n${out.dim(`(no server offers ${DEMO_CALL.tool}; try mcpx tools, then mcpx call <server>/<tool>)`)}\n`);
    } else {
      const id = `${demo.server}/${demo.originalName}`;
      say(`\n$ mcpx call ${id} ${DEMO_CALL.line}\n`);
      const callStarted = performance.now();
      const result = await untilAborted(
        fleet.registry.callTool(demo.name, DEMO_CALL.args, { signal: context.signal, timeoutMs: context.timeoutMs }),
        context.signal,
      );
      say(`${renderContent(result.content, out)}\n${out.dim(`(${formatMs(performance.now() - callStarted)})`)}\n`);
      call = { tool: id, arguments: DEMO_CALL.args, result };
      if (result.isError) code = EXIT.failure;
    }
    if (context.json) printJson(context, { config: loaded.file, servers: rows, call });
    // Named as the user ran it (pnpm mcpx in a clone), so that the lines can be pasted.
    const self = selfName(context.io.env, context.io.cwd);
    const next = [
      ['tools', 'every tool of the fleet'],
      ['call everything/echo message=hello', 'call one'],
      ['call everything/trigger-long-running-operation duration=3 steps=6', 'a progress bar; Ctrl-C cancels'],
      ['health --watch', 'a live table'],
      ['--help', 'everything else'],
    ];
    say(['', out.bold('Next:'), ...next.map(([line, comment]) => `  $ ${self} ${line!}\n      ${out.dim(comment!)}`), ''].join('\n'));
    return code;
  } finally {
    await fleet.close();
  }
}
