import type { ReadResourceResult } from '@mcpx/core';
import { stringFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { describeDown, downExitCode, explainDown } from '../fleet/down.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { renderResource } from '../output/content.js';

/** `mcpx read <uri> [--server <name>]`. */
export async function run(context: Context): Promise<number> {
  const uri = context.args.positionals[0]!;
  const chosen = stringFlag(context.args, 'server');
  const fleet = await openFleet(context, { select: chosen === undefined ? [] : [chosen] });
  try {
    const server = chosen ?? (await findServer(context, fleet, uri));
    const view = fleet.registry.get(server)!;
    if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
    fleet.current = server;
    const result = await untilAborted(
      fleet.registry.readResource(server, uri, { signal: context.signal, timeoutMs: context.timeoutMs }),
      context.signal,
    );
    printContents(context, result);
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** The server listing `uri`, else the one whose template matches it, else the only server up. */
async function findServer(context: Context, fleet: Fleet, uri: string): Promise<string> {
  const { resources } = await fleet.registry.listResources();
  const listed = [...new Set(resources.filter((entry) => entry.resource.uri === uri).map((entry) => entry.server))];
  if (listed.length === 1) return listed[0]!;
  const up = fleet.registry.connected();
  const candidates = listed.length > 1 ? listed : await matchingTemplates(context, fleet, uri);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0 && up.length === 1) return up[0]!.name;
  if (candidates.length === 0 && up.length === 0)
    throw new CliError(`no server is up to read ${uri}`, downExitCode(fleet.down()), {
      hint: fleet
        .down()
        .map((view) => describeDown(fleet, view))
        .join('; '),
    });
  const names = candidates.length > 0 ? candidates : up.map((view) => view.name);
  throw new UsageError(`${candidates.length > 1 ? 'several servers could serve' : 'no server lists'} ${uri}; choose one with --server`, {
    hint: `--server ${names.join(' | --server ')}`,
  });
}

async function matchingTemplates(context: Context, fleet: Fleet, uri: string): Promise<string[]> {
  const matches = await Promise.all(
    fleet.registry.connected().map(async (view) => {
      const client = view.client;
      if (client === undefined || client.serverCapabilities?.resources === undefined) return undefined;
      try {
        const { resourceTemplates } = await client.listResourceTemplates({ timeoutMs: context.timeoutMs, signal: context.signal });
        return resourceTemplates.some((template) => templatePattern(template.uriTemplate).test(uri)) ? view.name : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return matches.filter((name): name is string => name !== undefined);
}

/** A URI template (RFC 6570) as a pattern: each `{var}` matches one path segment, `{+var}` and the like anything. */
export function templatePattern(template: string): RegExp {
  let pattern = '';
  for (const part of template.split(/(\{[^}]*\})/)) {
    if (part.startsWith('{') && part.endsWith('}')) pattern += /^\{[+#/?&.;]/.test(part) ? '.*' : '[^/?#]+';
    else pattern += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

function printContents(context: Context, result: ReadResourceResult): void {
  if (context.json) {
    printJson(context, result);
    return;
  }
  // One binary resource to a file or pipe: its bytes, as curl does.
  const only = result.contents.length === 1 ? (result.contents[0] as { blob?: string }) : undefined;
  if (only?.blob !== undefined && context.io.stdout.isTTY !== true) {
    context.io.stdout.write(Buffer.from(only.blob, 'base64'));
    return;
  }
  const text = renderResource(result, context.out);
  context.print(text.endsWith('\n') ? text : `${text}\n`);
}
