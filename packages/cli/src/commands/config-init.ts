import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { booleanFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { STARTER_CONFIG } from './starter-config.js';

/** `mcpx config init [path] [--force]`. */
export async function run(context: Context): Promise<number> {
  const path = resolve(context.io.cwd, context.args.positionals[0] ?? 'mcp_servers.json');
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, STARTER_CONFIG, { flag: booleanFlag(context.args, 'force') ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(`${path} exists already`, EXIT.failure, { hint: 'pass --force to overwrite it, or give another path' });
    throw error;
  }
  if (context.json) printJson(context, { written: path });
  else
    context.print(
      `${context.out.green('✓')} wrote ${path}\n  next: edit it, then run ${context.out.cyan('mcpx validate')} and ${context.out.cyan('mcpx servers')}\n`,
    );
  return EXIT.ok;
}
