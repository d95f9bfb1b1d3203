import { didYouMean } from '../args/suggest.js';
import { openConfig, serverNames, withoutServer, writeValidated } from '../config-edit/config-file.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';

/** `mcpx config remove <name>`. */
export async function run(context: Context): Promise<number> {
  const name = context.args.positionals[0]!;
  const file = await openConfig(context, false);
  const names = serverNames(file);
  if (!names.includes(name))
    throw new UsageError(`${file.shown} has no server "${name}"${didYouMean(name, names)}`, {
      hint: `its servers: ${names.join(', ') || 'none'}`,
    });
  const text = withoutServer(file, name);
  if (text === file.text || serverNames({ ...file, text }).includes(name)) {
    // Never report a removal that did not happen.
    throw new CliError(`could not find where ${file.shown} writes server "${name}", so nothing was changed`, EXIT.failure, {
      hint: "remove it by hand, and report the file's layout as an mcpx issue",
    });
  }
  await writeValidated(context, file, text);
  if (context.json) printJson(context, { file: file.shown, server: name, action: 'removed' });
  else context.print(`${context.out.green('✓')} ${name}: removed from ${file.shown}\n`);
  return EXIT.ok;
}
