import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { appOf, apps } from '@mcpx/core/apps';
import type { CatalogTool } from '@mcpx/registry';
import { didYouMean } from '../args/suggest.js';
import { stringFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode, explainDown } from '../fleet/down.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { parseTarget } from '../fleet/target.js';

/** `mcpx app <server>/<tool> [--out <file>]`: writes the HTML of the tool's MCP App (SEP-1865) to a file, or stdout with `--out -`. */
export async function run(context: Context): Promise<number> {
  const word = context.args.positionals[0]!;
  const loaded = await loadFleetConfig(context);
  const target = parseTarget(
    word,
    loaded.config.servers.map((server) => server.name),
    'tool',
  );
  if (target.server === undefined)
    throw new UsageError(`write the tool as <server>/<tool>, not "${word}"`, { hint: 'mcpx tools lists them' });
  const fleet = await openFleet(context, { loaded, select: [target.server] });
  try {
    const entry = await findTool(fleet, target.server, target.name);
    const client = fleet.registry.get(entry.server)?.client;
    if (appOf(entry.tool) === undefined || client === undefined)
      throw new UsageError(`${entry.server}/${entry.originalName} has no app (no ui:// resource in its _meta.ui)`, {
        hint: `mcpx tools ${entry.server} marks the tools that have one`,
      });
    fleet.current = entry.server;
    const app = await untilAborted(
      client.extension(apps()).read(entry.tool, { signal: context.signal, timeoutMs: context.timeoutMs }),
      context.signal,
    );
    const out = stringFlag(context.args, 'out');
    if (out === '-') {
      context.io.stdout.write(app.html);
      return EXIT.ok;
    }
    const file = resolve(context.io.cwd, out ?? resolve(tmpdir(), `mcpx-app-${safe(entry.server)}-${safe(entry.originalName)}.html`));
    await writeFile(file, app.html);
    if (context.json) {
      const { uri, mimeType, meta, contentSecurityPolicy, allow } = app;
      printJson(context, { server: entry.server, tool: entry.originalName, file, uri, mimeType, meta, contentSecurityPolicy, allow });
      return EXIT.ok;
    }
    const { out: style } = context;
    context.print(
      [
        `${style.bold(`${entry.server}/${entry.originalName}`)}: ${app.uri} written to ${file}`,
        `  ${style.dim('csp:')} ${app.contentSecurityPolicy}`,
        ...(app.allow === '' ? [] : [`  ${style.dim('allow:')} ${app.allow}`]),
        ...(app.meta.domain === undefined ? [] : [`  ${style.dim('domain:')} ${app.meta.domain}`]),
        ...(app.meta.prefersBorder === undefined ? [] : [`  ${style.dim('border:')} ${app.meta.prefersBorder ? 'yes' : 'no'}`]),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

async function findTool(fleet: Fleet, server: string, name: string): Promise<CatalogTool> {
  const view = fleet.registry.get(server)!;
  if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
  const catalog = await fleet.registry.listTools();
  const failure = catalog.failures.find((item) => item.server === server);
  if (failure !== undefined) throw failure.error;
  const own = catalog.tools.filter((tool) => tool.server === server);
  const entry = own.find((tool) => tool.originalName === name);
  if (entry !== undefined) return entry;
  throw new UsageError(
    `${server} has no tool "${name}"${didYouMean(
      name,
      own.map((tool) => tool.originalName),
    )}`,
    { hint: `mcpx tools ${server} lists its tools` },
  );
}

/** A name as a file name part: letters, digits, `.`, `_` and `-`. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
