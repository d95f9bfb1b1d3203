import { UsageError } from '../errors/cli-error.js';
import type { FlagSpec } from './flags.js';
import { didYouMean } from './suggest.js';

/** What was given on the command line: words in order, and flags by long name. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | boolean>;
  /** Every value of a repeatable flag (`--header a --header b`), by long name. */
  readonly lists: Map<string, string[]>;
  /** The words after `--`: the command line of a one-off stdio server (`mcpx tools -- node server.js`). */
  readonly serverCommand: string[] | undefined;
  /** `--json '{...}'` on a command that takes JSON arguments: the JSON text. */
  readonly jsonArguments: string | undefined;
}

/** How to read `argv`. */
export interface ParseOptions {
  /** Every flag that may appear, by long name. */
  readonly flags: readonly FlagSpec[];
  /**
   * Whether `--json` followed by a JSON object (`--json '{"a":1}'` or `--json={...}`) gives the
   * arguments of a call rather than asking for JSON output.
   */
  readonly jsonArguments?: boolean;
}

/**
 * Splits `argv` into words and flags: `--name value`, `--name=value`, `-n value`, `--flag`,
 * `--no-flag`, and `--` ending them, followed by a server's command line. Throws a `UsageError` for an unknown flag or a
 * missing value.
 */
export function parseArgs(argv: readonly string[], options: ParseOptions): ParsedArgs {
  const byLong = new Map(options.flags.map((flag) => [flag.name, flag]));
  const byShort = new Map(options.flags.filter((flag) => flag.short !== undefined).map((flag) => [flag.short!, flag]));
  const positionals: string[] = [];
  const flags = new Map<string, string | boolean>();
  const lists = new Map<string, string[]>();
  let serverCommand: string[] | undefined;
  let jsonArguments: string | undefined;

  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      serverCommand = argv.slice(index + 1);
      if (serverCommand.length === 0)
        throw new UsageError('-- must be followed by the command that starts a server, such as -- node server.js');
      break;
    }
    if (!token.startsWith('-') || token === '-' || /^-\d/.test(token)) {
      positionals.push(token);
      continue;
    }
    const long = token.startsWith('--');
    const body = long ? token.slice(2) : token.slice(1);
    const equals = body.indexOf('=');
    const name = equals === -1 ? body : body.slice(0, equals);
    const inline = equals === -1 ? undefined : body.slice(equals + 1);

    if (long && name === 'json' && options.jsonArguments) {
      const next = inline ?? argv[index + 1];
      if (next !== undefined && next.trimStart().startsWith('{')) {
        jsonArguments = next;
        if (inline === undefined) index++;
        continue;
      }
    }

    let spec = long ? byLong.get(name) : byShort.get(name);
    let negated = false;
    if (spec === undefined && long && name.startsWith('no-')) {
      const positive = byLong.get(name.slice(3));
      if (positive?.kind === 'boolean') {
        spec = positive;
        negated = true;
      }
    }
    if (spec === undefined) {
      const known = options.flags.flatMap((flag) => [flag.negatable ? `--no-${flag.name}` : `--${flag.name}`]);
      throw new UsageError(`unknown flag ${long ? '--' : '-'}${name}${didYouMean(`--${name}`, known, (value) => value)}`);
    }
    if (spec.kind === 'boolean') {
      if (inline !== undefined && !['true', 'false'].includes(inline))
        throw new UsageError(`--${spec.name} takes no value, got "${inline}"`);
      flags.set(spec.name, negated ? inline === 'false' : inline !== 'false');
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${spec.name} needs a value${spec.value === undefined ? '' : `: ${spec.value}`}`);
    }
    if (inline === undefined) index++;
    flags.set(spec.name, value);
    if (spec.repeatable === true) lists.set(spec.name, [...(lists.get(spec.name) ?? []), value]);
  }
  return { positionals, flags, lists, serverCommand, jsonArguments };
}

/** A string flag's value, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string flag, in order; empty when absent. */
export function listFlag(args: ParsedArgs, name: string): readonly string[] {
  return args.lists.get(name) ?? [];
}

/** A boolean flag's value, or `fallback` when absent. */
export function booleanFlag(args: ParsedArgs, name: string, fallback = false): boolean {
  const value = args.flags.get(name);
  return typeof value === 'boolean' ? value : fallback;
}
