import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appOf, apps, withContentSecurityPolicy } from '@mcpx/core/apps';
import { booleanFlag, stringFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, untilAborted } from '../fleet/open-fleet.js';
import { parseTarget } from '../fleet/target.js';
import { printable } from '../output/printable.js';
import { toolsOf } from './call.js';
import { findEntry } from '../fleet/find-entry.js';

/**
 * `mcpx app <server>/<tool> [--out <file>] [--raw]`: writes the HTML of the tool's MCP App (SEP-1865)
 * to a file (a new private temporary folder by default), or stdout with `--out -`: with its Content
 * Security Policy in a `<meta>` first, since whoever opens the file runs the server's scripts;
 * `--raw` writes the server's HTML as it is.
 */
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
    const entry = await findEntry(fleet, target, toolsOf(fleet));
    if (appOf(entry.tool) === undefined)
      throw new UsageError(`${entry.server}/${entry.originalName} has no app (no ui:// resource in its _meta.ui)`, {
        hint: `mcpx tools ${entry.server} marks the tools that have one`,
      });
    const client = fleet.registry.get(entry.server)?.client;
    if (client === undefined)
      throw new CliError(
        `${entry.server} has no connected client to read the app of ${entry.originalName} from; run mcpx servers to see its state`,
        EXIT.unavailable,
      );
    fleet.current = entry.server;
    const app = await untilAborted(
      client.extension(apps()).read(entry.tool, { signal: context.signal, timeoutMs: context.timeoutMs }),
      context.signal,
    );
    const raw = booleanFlag(context.args, 'raw');
    const html = raw ? app.html : withContentSecurityPolicy(app);
    const out = stringFlag(context.args, 'out');
    if (out === '-') {
      context.io.stdout.write(html);
      return EXIT.ok;
    }
    const file =
      out === undefined ? await privateFile(`${safe(entry.server)}-${safe(entry.originalName)}.html`) : resolve(context.io.cwd, out);
    // A private folder of our own: no one can have put a file or a symlink at this path first.
    await writeFile(file, html, out === undefined ? { flag: 'wx', mode: 0o600 } : {});
    context.note(
      context.err.yellow(
        raw
          ? `mcpx: ${file} is the server's HTML as it is: opening it runs the server's scripts in your browser with no policy`
          : `mcpx: opening ${file} runs the server's scripts in your browser, under the app's policy but not in a host's sandbox`,
      ),
    );
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
        ...(app.meta.domain === undefined ? [] : [`  ${style.dim('domain:')} ${printable(app.meta.domain)}`]),
        ...(app.meta.prefersBorder === undefined ? [] : [`  ${style.dim('border:')} ${app.meta.prefersBorder ? 'yes' : 'no'}`]),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** A new file in a new folder only this user can read, under the temporary folder. */
async function privateFile(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'mcpx-app-')), name);
}

/** A name as a file name part: letters, digits, `.`, `_` and `-`. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
