import type { CallToolResult } from '@mcpx/core';
import type { CatalogTool } from '@mcpx/registry';
import { ToolDisabledError, type ServerConfig } from '@mcpx/factory';
import { stringFlag } from '../args/parse.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { parseTarget } from '../fleet/target.js';
import { printToolResult } from '../output/tool-result.js';
import { tasksOutliveRun } from '../fleet/server-tasks.js';
import { offerTaskCancel } from '../fleet/task-interrupt.js';
import { ProgressBar } from '../terminal/progress-bar.js';
import { TaskStatusView } from '../terminal/task-status.js';
import { buildArguments } from '../values/coerce-arguments.js';
import type { JsonSchema } from '../values/schema-types.js';
import { findEntry, type EntryKind } from '../fleet/find-entry.js';

/** `mcpx call <server>/<tool> [key=value...]`. */
export async function run(context: Context): Promise<number> {
  const [word, ...pairs] = context.args.positionals as [string, ...string[]];
  const loaded = await loadFleetConfig(context);
  const target = parseTarget(
    word,
    loaded.config.servers.map((server) => server.name),
    'tool',
  );
  const fleet = await openFleet(context, { loaded, select: target.server === undefined ? [] : [target.server] });
  try {
    const entry = await findEntry(fleet, target, toolsOf(fleet));
    // Ctrl-C while the tool was looked up: send nothing (the listener below would never hear it).
    context.signal.throwIfAborted();
    const id = `${entry.server}/${entry.originalName}`;
    fleet.current = entry.server;
    const args = buildArguments(pairs, jsonArguments(context), entry.tool.inputSchema as JsonSchema, id);
    const quiet = context.args.flags.get('progress') === false;
    const bar = new ProgressBar(fleet.status, id, context.err);
    if (!quiet) bar.start();
    const task = new TaskStatusView(context, id, entry.server, bar, quiet);
    // Ctrl-C cancels the request, but not a task it became: the user decides (offerTaskCancel).
    const request = new AbortController();
    const forward = (): void => {
      if (task.handle === undefined) request.abort(context.signal.reason);
    };
    context.signal.addEventListener('abort', forward, { once: true });
    let result: CallToolResult;
    try {
      result = await untilAborted(
        fleet.registry.callTool(entry.name, args, {
          signal: request.signal,
          timeoutMs: context.timeoutMs,
          onprogress: (progress) => bar.update(progress),
          onTask: (handle) => task.follow(handle),
        }),
        context.signal,
      );
    } catch (error) {
      // Its message is printed: a sampling refusal it quotes is explained.
      fleet.refusals.shown(error instanceof Error ? error.message : String(error));
      if (context.signal.aborted) {
        // Said at once: closing the servers afterwards can take a moment.
        bar.stop();
        task.stop();
        if (task.handle !== undefined) {
          const config = fleet.servers.find((server) => server.name === entry.server);
          await offerTaskCancel(context, entry.server, task.handle, fleet.interactions, tasksOutliveRun(config));
        } else context.note(`${context.err.yellow('mcpx:')} cancelled ${id}; ${entry.server} was told to stop`);
        throw new CliError('', EXIT.interrupted, { cause: error });
      }
      throw error;
    } finally {
      bar.stop();
      task.stop();
      context.signal.removeEventListener('abort', forward);
    }
    fleet.refusals.shown(printToolResult(context, result));
    if (result.isError) {
      context.note(`${context.err.red('mcpx:')} ${id} reported an error`);
      return EXIT.failure;
    }
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** `--args`, or `--json '{...}'`. */
export function jsonArguments(context: Context): string | undefined {
  const flag = stringFlag(context.args, 'args');
  if (flag !== undefined && context.args.jsonArguments !== undefined)
    throw new UsageError("give the JSON arguments once: --args '{...}' or --json '{...}'");
  return flag ?? context.args.jsonArguments;
}

/** The tools of the fleet's catalog, for `findEntry`: a tool the config hides is named as such. */
export function toolsOf(fleet: Fleet): EntryKind<CatalogTool> {
  return {
    noun: 'tool',
    list: async (fleet) => {
      const { tools, failures } = await fleet.registry.listTools();
      return { entries: tools, failures };
    },
    explainMissing: (server, tool) => {
      const key = hiddenBy(
        fleet.servers.find((config) => config.name === server),
        tool,
      );
      if (key !== undefined) throw new ToolDisabledError({ tool, server, key });
    },
  };
}

/** The config key that hides a tool of the server from its catalog, if one does. */
function hiddenBy(server: ServerConfig | undefined, tool: string): ToolDisabledError['key'] | undefined {
  if (server?.disabledTools?.includes(tool) === true) return 'disabledTools';
  if (server?.includeTools !== undefined && !server.includeTools.includes(tool)) return 'includeTools';
  return undefined;
}
