import { booleanFlag } from '../args/parse.js';
import { openConfig, serverNames, withServer, writeValidated, type EditableConfig } from '../config-edit/config-file.js';
import { containerOf } from '../config-edit/json-edit.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { oneOffServer } from '../fleet/one-off-server.js';

/** `mcpx config add <name> (-- <command line> | --url <url>) [--force]`. */
export async function run(context: Context): Promise<number> {
  const name = context.args.positionals[0]!;
  if (context.args.flags.has('name')) throw new UsageError("the server's name is the argument of config add; leave out --name");
  const server = oneOffServer(context.args);
  if (server === undefined) throw new UsageError(`say how to reach "${name}": mcpx config add ${name} -- <command line>, or --url <url>`);
  const file = await openConfig(context, true);
  const entry = forFile(file, server.entry);
  const replacing = serverNames(file).includes(name);
  if (replacing && !booleanFlag(context.args, 'force')) {
    throw new CliError(`${file.shown} has a server "${name}" already`, EXIT.usage, {
      hint: 'pass --force to replace it, or choose another name',
    });
  }
  const text = withServer(file, name, entry);
  if (!serverNames({ ...file, text }).includes(name)) {
    throw new CliError(`could not write server "${name}" into ${file.shown}, so nothing was changed`, EXIT.failure, {
      hint: "add it by hand, and report the file's layout as an mcpx issue",
    });
  }
  await writeValidated(context, file, text);
  const did = file.isNew ? 'created' : replacing ? 'replaced in' : 'added to';
  if (context.json)
    printJson(context, { file: file.shown, server: name, action: file.isNew ? 'created' : replacing ? 'replaced' : 'added', entry });
  else context.print(`${context.out.green('✓')} ${name}: ${did} ${file.shown}\n  next: mcpx tools ${name}\n`);
  return EXIT.ok;
}

/**
 * The entry as the file's readers expect it: JSON files name the transport of a remote server
 * (Claude Code's `.mcp.json` needs `"type"`), and VS Code's `servers` layout names every one.
 */
function forFile(file: EditableConfig, oneOff: Record<string, unknown>): Record<string, unknown> {
  const { toolPrefix: _prefix, ...entry } = oneOff;
  if (file.format !== 'json' || entry.type !== undefined) return entry;
  // Another scheme is left to the validator, which says what is wrong with it.
  if (typeof entry.url === 'string')
    return /^(https?|wss?):/i.test(entry.url) ? { type: /^wss?:/i.test(entry.url) ? 'websocket' : 'http', ...entry } : entry;
  return containerOf(file.text) === 'servers' ? { type: 'stdio', ...entry } : entry;
}
