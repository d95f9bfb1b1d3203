import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../errors/cli-error.js';
import { SHELLS } from '../completion/candidates.js';
import { COMPLETION_SCRIPTS } from '../completion/scripts.js';

/** `mcpx completion bash|zsh|fish`: prints the shell's completion script. */
export async function run(context: Context): Promise<number> {
  const shell = context.args.positionals[0]!;
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`no completion for "${shell}"; write mcpx completion bash, zsh or fish`);
  context.print(COMPLETION_SCRIPTS[shell as (typeof SHELLS)[number]]);
  return EXIT.ok;
}
