import { booleanFlag, stringFlag, type ParsedArgs } from './args/parse.js';
import { createStyle, useColor, type OutputStream, type Style } from './output/style.js';
import type { CommandTracing } from './telemetry/command-tracing.js';
import { parseDuration } from './values/duration.js';

/** The input stream as the CLI uses it. */
export type InputStream = NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined; setRawMode?: (mode: boolean) => unknown };

/** Where the CLI reads and writes, and its environment: the process's by default, fakes in tests. */
export interface Io {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted when the user interrupts (Ctrl-C). */
  readonly signal: AbortSignal;
}

/** What every command gets: its arguments, the streams with their styles, the global options. */
export interface Context {
  readonly io: Io;
  readonly args: ParsedArgs;
  /** `--json`: machine-readable output. */
  readonly json: boolean;
  readonly verbose: boolean;
  /** `--config`. */
  readonly configPath: string | undefined;
  /** `--timeout` in milliseconds: each request once connected. */
  readonly timeoutMs: number | undefined;
  /** `--connect-timeout` in milliseconds: connecting each server. */
  readonly connectTimeoutMs: number | undefined;
  /** Styles for stdout and stderr, each on only when that stream is a terminal. */
  readonly out: Style;
  readonly err: Style;
  /** Writes to stdout. */
  print(text: string): void;
  /** Writes a line to stderr. */
  note(text: string): void;
  /** The terminal width for stdout, when it is a terminal. */
  readonly width: number | undefined;
  /** Whether questions can be asked: stdin and stderr are terminals. */
  readonly interactive: boolean;
  /** Aborted on Ctrl-C: at the terminal (`io.signal`) or in a form (`interrupt()`). */
  readonly signal: AbortSignal;
  /** Interrupts the run as Ctrl-C does. */
  interrupt(): void;
  /** The command's tracing, when it is traced (`--otel`, `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  readonly tracing: CommandTracing | undefined;
}

/** Builds the context of one run. */
export function createContext(io: Io, args: ParsedArgs, tracing?: CommandTracing): Context {
  const color = args.flags.get('color');
  const colorFlag = typeof color === 'boolean' ? color : undefined;
  const timeout = stringFlag(args, 'timeout');
  const connectTimeout = stringFlag(args, 'connect-timeout');
  const interruption = new AbortController();
  return {
    io,
    args,
    json: booleanFlag(args, 'json'),
    verbose: booleanFlag(args, 'verbose'),
    configPath: stringFlag(args, 'config'),
    timeoutMs: timeout === undefined ? undefined : parseDuration(timeout, 'timeout'),
    connectTimeoutMs: connectTimeout === undefined ? undefined : parseDuration(connectTimeout, 'connect-timeout'),
    out: createStyle(useColor(io.stdout, io.env, colorFlag)),
    err: createStyle(useColor(io.stderr, io.env, colorFlag)),
    print: (text) => void io.stdout.write(text),
    note: (text) => void io.stderr.write(`${text}\n`),
    width: io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined,
    interactive: io.stdin.isTTY === true && io.stderr.isTTY === true,
    signal: AbortSignal.any([io.signal, interruption.signal]),
    interrupt: () => interruption.abort(new Error('interrupted')),
    tracing,
  };
}

/** Writes `value` as JSON on stdout, one document. */
export function printJson(context: Context, value: unknown): void {
  context.print(`${JSON.stringify(value, null, 2)}\n`);
}
