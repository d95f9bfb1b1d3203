import type { FlagSpec } from '../args/flags.js';
import type { Context } from '../context.js';

/** Runs a command and resolves with the exit code. */
export type CommandRun = (context: Context) => Promise<number>;

/** A command as help shows it and the dispatcher finds it; its code is loaded only when it runs. */
export interface CommandSpec {
  /** The words that name it: `['tools']`, `['config', 'init']`. */
  readonly name: readonly string[];
  readonly summary: string;
  /** The synopsis after `mcpx`. */
  readonly usage: string;
  /** A paragraph under the synopsis. */
  readonly description?: string;
  /** Its own flags (the global ones come on top). */
  readonly flags: readonly FlagSpec[];
  /** How many words it takes after its name. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Whether `--json '{...}'` gives call arguments. */
  readonly jsonArguments?: boolean;
  /** Command lines with what they do. */
  readonly examples: ReadonlyArray<readonly [command: string, comment: string]>;
  readonly load: () => Promise<{ run: CommandRun }>;
}
