import { GLOBAL_FLAGS, SERVER_FLAGS } from './args/flags.js';
import { booleanFlag, parseArgs, type ParsedArgs } from './args/parse.js';
import { didYouMean } from './args/suggest.js';
import type { OptionKeys } from '@mcpx/core/internal';
import type { CommandSpec } from './commands/command.js';
import { COMMANDS, findCommand } from './commands/specs.js';
import { createContext, type Context, type InputStream, type Io } from './context.js';
import { UsageError } from './errors/cli-error.js';
import { classify, printError } from './errors/report-error.js';
import { EXIT } from './exit-codes.js';
import { renderCommandHelp, renderMainHelp } from './help/render-help.js';
import { createStyle, useColor, type OutputStream } from './output/style.js';
import type { CommandTracing } from './telemetry/command-tracing.js';
import { tracesEndpoint } from './telemetry/traces-endpoint.js';

/** The commands named by two words: `config init`, `auth status`, `tasks list`. */
const GROUPS: ReadonlySet<string> = new Set(['config', 'auth', 'tasks']);

/** Where `run` reads and writes; each defaults to the process's own. */
export interface RunOptions {
  stdin?: InputStream | undefined;
  stdout?: OutputStream | undefined;
  stderr?: OutputStream | undefined;
  env?: Readonly<Record<string, string | undefined>> | undefined;
  cwd?: string | undefined;
  /** Abort it to interrupt, as Ctrl-C does: the call in flight is cancelled and `run` resolves with 130. */
  signal?: AbortSignal | undefined;
}

const RUN_OPTION_KEYS = {
  stdin: true,
  stdout: true,
  stderr: true,
  env: true,
  cwd: true,
  signal: true,
} as const satisfies OptionKeys<RunOptions>;

/**
 * Runs `mcpx` with the words after the program name and resolves with the exit code; never
 * rejects. Output goes to the given streams; an option it does not know is reported there as a
 * config error (exit code 3).
 * @example
 * process.exitCode = await run(['call', 'everything/get-sum', 'a=1', 'b=2']);
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const io: Io = {
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  };
  let context: Context | undefined;
  let tracing: CommandTracing | undefined;
  try {
    // Core is loaded only when there is an unknown option to report, so that --help stays instant.
    if (Object.keys(options).some((key) => !Object.hasOwn(RUN_OPTION_KEYS, key)))
      (await import('@mcpx/core/internal')).checkOptions(options, RUN_OPTION_KEYS, { where: 'run(argv, options)' });
    // What the completion scripts call: not a command of its own in help.
    if (argv[0] === '__complete') return await (await import('./completion/complete.js')).complete(io, argv.slice(1));
    const words = commandWords(argv);
    if (words[0] === 'help') return help(io, words.slice(1));
    const command = words.length === 0 ? undefined : findCommand(words);
    if (command === undefined) {
      const globals = parseArgs(argv, { flags: [...GLOBAL_FLAGS, ...SERVER_FLAGS] });
      if (words.length === 0) {
        if (booleanFlag(globals, 'version')) {
          io.stdout.write(`${__MCPX_VERSION__}\n`);
          return EXIT.ok;
        }
        io.stdout.write(renderMainHelp(styleFor(io, globals.flags.get('color'))));
        return EXIT.ok;
      }
      throw unknownCommand(words);
    }
    const args = parseArgs(argv, {
      flags: [...GLOBAL_FLAGS, ...SERVER_FLAGS, ...command.flags],
      jsonArguments: command.jsonArguments === true,
    });
    const positionals = args.positionals.slice(command.name.length);
    if (booleanFlag(args, 'help')) {
      io.stdout.write(renderCommandHelp(command, styleFor(io, args.flags.get('color'))));
      return EXIT.ok;
    }
    checkArity(command, positionals);
    tracing = await commandTracing(command.name, args, io);
    const traced = createContext(io, { ...args, positionals }, tracing);
    context = traced;
    const { run: runCommand } = await command.load();
    if (tracing === undefined) return await runCommand(traced);
    return await tracing.trace(
      command.name.join(' '),
      () => runCommand(traced),
      (error) => fail(error, io, traced),
    );
  } catch (error) {
    return await fail(error, io, context);
  } finally {
    const failure = await tracing?.flush();
    if (failure !== undefined) io.stderr.write(`mcpx: ${failure.message}\n`);
  }
}

/** Commands that never talk to a server: not traced, so that a shell's completion does not wait for a collector. */
const UNTRACED_COMMANDS = new Set(['completion', 'config']);

/**
 * The tracing of a command that talks to servers, when `--otel` or the OpenTelemetry environment
 * asks for it. The SDK is loaded only then, so that other commands start as fast. A setting that
 * cannot work, or an SDK that fails to start, leaves the command untraced with a warning on stderr:
 * tracing never changes what a command does or how it exits.
 */
async function commandTracing(name: readonly string[], args: ParsedArgs, io: Io): Promise<CommandTracing | undefined> {
  if (UNTRACED_COMMANDS.has(name[0] ?? '')) return undefined;
  const choice = tracesEndpoint(args, io.env);
  if (choice.warning !== undefined) io.stderr.write(`mcpx: ${choice.warning}\n`);
  if (choice.url === undefined) return undefined;
  try {
    return (await import('./telemetry/start-tracing.js')).startTracing(choice.url, io.env);
  } catch (error) {
    io.stderr.write(`mcpx: traces not exported: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

/** Reports what made the run fail, and resolves with its exit code. */
async function fail(error: unknown, io: Io, context: Context | undefined): Promise<number> {
  const report = await classify(error, io.signal.aborted || context?.signal.aborted === true);
  printError(report, io, context);
  return report.exitCode;
}

/** The command's words: the words before the first flag that is not a global flag's value. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  const takesValue = new Set(
    [...GLOBAL_FLAGS, ...SERVER_FLAGS]
      .filter((flag) => flag.kind === 'string')
      .flatMap((flag) => [`--${flag.name}`, ...(flag.short === undefined ? [] : [`-${flag.short}`])]),
  );
  for (let index = 0; index < argv.length && words.length < 3; index++) {
    const token = argv[index]!;
    if (token === '--') break;
    if (token.startsWith('-')) {
      if (takesValue.has(token)) index++;
      continue;
    }
    words.push(token);
    if (words[0] !== 'help' && !GROUPS.has(words[0]!)) break;
    if (GROUPS.has(words[0]!) && words.length === 2) break;
  }
  return words;
}

function help(io: Io, words: readonly string[]): number {
  const style = styleFor(io, undefined);
  if (words.length === 0) {
    io.stdout.write(renderMainHelp(style));
    return EXIT.ok;
  }
  const command = findCommand(words);
  if (command === undefined) throw unknownCommand(words);
  io.stdout.write(renderCommandHelp(command, style));
  return EXIT.ok;
}

function unknownCommand(words: readonly string[]): UsageError {
  const names = COMMANDS.map((command) => command.name.join(' '));
  const given = GROUPS.has(words[0]!) ? words.slice(0, 2).join(' ') : words[0]!;
  return new UsageError(`unknown command "${given}"${didYouMean(given, names)}`, { hint: 'mcpx --help lists the commands' });
}

function checkArity(command: CommandSpec, positionals: readonly string[]): void {
  const { min, max } = command.positionals;
  const usage = `usage: mcpx ${command.usage}`;
  if (positionals.length < min)
    throw new UsageError(`mcpx ${command.name.join(' ')} needs ${min === 1 ? 'an argument' : `${min} arguments`}; ${usage}`);
  if (positionals.length > max) {
    throw new UsageError(
      `mcpx ${command.name.join(' ')} takes ${max === 0 ? 'no arguments' : `at most ${max}`}, got "${positionals.slice(max).join(' ')}" too; ${usage}`,
    );
  }
}

function styleFor(io: Io, color: string | boolean | undefined) {
  return createStyle(useColor(io.stdout, io.env, typeof color === 'boolean' ? color : undefined));
}
