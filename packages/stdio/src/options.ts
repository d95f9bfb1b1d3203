import { checkOptions, ConfigError, integerOption, TRANSPORT_OPTION_HINTS, type OptionKeys } from '@mcpx/core/internal';
import { tty } from './node-builtins.js';

/**
 * Where the server's stderr goes: `'pipe'` reads it into diagnostics and keeps its last
 * lines for error messages, `'inherit'` shares this process's stderr, `'ignore'` drops it.
 */
export type StderrMode = 'inherit' | 'pipe' | 'ignore';

/** Options of a `StdioTransport`. */
export interface StdioTransportOptions {
  /** The executable to run, looked up on the child's `PATH`. It is never run through a shell. */
  command: string;
  /** Arguments given to `command` as they are (no shell quoting or expansion). @default [] */
  args?: readonly string[] | undefined;
  /** Working directory of the server process. @default the current working directory */
  cwd?: string | undefined;
  /**
   * Variables set for the server on top of the default environment (or of `process.env`
   * with `inheritEnv`); `undefined` removes a variable. @default {}
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Give the server all of `process.env` instead of the few variables of `getDefaultEnvironment()`. @default false */
  inheritEnv?: boolean | undefined;
  /** What to do with the server's stderr. @default 'pipe' */
  stderr?: StderrMode | undefined;
  /** Longest line accepted from the server, in bytes; a longer one closes the connection. @default 10485760 (10 MiB) */
  maxLineBytes?: number | undefined;
  /** How long each step of the shutdown (stdin closed, SIGTERM, SIGKILL) waits for the process to exit. @default 2000 */
  shutdownTimeoutMs?: number | undefined;
  /** How many of the last stderr lines to keep for error messages (with `stderr: 'pipe'`). @default 20 */
  stderrTailLines?: number | undefined;
  /**
   * On POSIX, start the server as the leader of a new process group (and session). Then what is
   * sent to this process's group (a Ctrl-C in the terminal, `kill -- -<pgid>`, a supervisor
   * signalling the group) does not reach the server, so this process decides what it stops and
   * when, and stopping it signals the whole group, which also reaches what a crashed wrapper
   * (`npx`) left behind. `false` starts the server in this process's group: what is sent to the
   * group reaches it directly, and `close()` ends the processes the server started by finding
   * them among its descendants before closing its stdin (Linux: `/proc`; elsewhere: `ps`), then
   * signalling those still running once it has exited; what a server started and lost track of
   * before exiting on its own (a crashed wrapper's child) is not found. A group of its own costs
   * each request more CPU and latency on Linux with scheduler autogroups (most desktop and many
   * server distributions), since a new session is a separate scheduling group (see
   * docs/performance.md). Ignored on Windows.
   * @default true when this process's stdin, stdout or stderr is a terminal, or when the command
   * is a package runner (`npx`, `pnpx`, `bunx`, `uvx`, `npm exec`, `pnpm dlx`, `yarn dlx`,
   * `bun x`, `pipx run`, `uv tool`); else false
   */
  processGroup?: boolean | undefined;
  /** The server's name, shown in error messages. */
  name?: string | undefined;
}

/** Options with their defaults applied; internal. */
export interface ResolvedStdioOptions {
  command: string;
  args: readonly string[];
  cwd: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  inheritEnv: boolean;
  stderr: StderrMode;
  maxLineBytes: number;
  shutdownTimeoutMs: number;
  stderrTailLines: number;
  processGroup: boolean;
  name: string | undefined;
}

const STDERR_MODES: readonly StderrMode[] = ['inherit', 'pipe', 'ignore'];

const STDIO_OPTION_KEYS = {
  command: true,
  args: true,
  cwd: true,
  env: true,
  inheritEnv: true,
  stderr: true,
  maxLineBytes: true,
  shutdownTimeoutMs: true,
  stderrTailLines: true,
  processGroup: true,
  name: true,
} as const satisfies OptionKeys<StdioTransportOptions>;

/** What to do with keys that belong elsewhere: the common ones of every transport, and a URL. */
const STDIO_OPTION_HINTS: Readonly<Record<string, string>> = {
  ...TRANSPORT_OPTION_HINTS,
  url: 'StdioTransport runs a command; a server at a URL takes StreamableHttpTransport (@mcpx/http) or WebSocketTransport (@mcpx/websocket)',
};

/** Package runners that start the real server as a child of their own: `npx`, `pnpm dlx`, `uvx`... */
const WRAPPERS = new Set(['npx', 'pnpx', 'bunx', 'uvx']);
const WRAPPER_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  npm: ['exec', 'x'],
  pnpm: ['dlx', 'exec'],
  yarn: ['dlx', 'exec'],
  bun: ['x'],
  pipx: ['run'],
  uv: ['tool'],
};

/**
 * Whether `command` is a package runner that starts the real server as its child: should the
 * runner crash, only a process group of the server's own still reaches that child.
 */
export function startsThroughWrapper(command: string, args: readonly string[]): boolean {
  const name = command.slice(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1).replace(/\.(cmd|exe)$/i, '');
  if (WRAPPERS.has(name)) return true;
  const first = args[0];
  return first !== undefined && (WRAPPER_SUBCOMMANDS[name]?.includes(first) ?? false);
}

/** Whether this process's stdin, stdout or stderr is a terminal, whose Ctrl-C would reach a server in its process group. */
export function attachedToTerminal(): boolean {
  return tty.isatty(0) || tty.isatty(1) || tty.isatty(2);
}

/** The `env` of a transport given none: one object for every connection. */
const NO_VARIABLES: Readonly<Record<string, string | undefined>> = Object.freeze({});

/** Applies defaults and checks values, throwing a `ConfigError` that names the bad option. */
export function resolveOptions(options: StdioTransportOptions): ResolvedStdioOptions {
  const name = options.name;
  checkOptions(options, STDIO_OPTION_KEYS, { where: 'new StdioTransport(options)', server: name, hints: STDIO_OPTION_HINTS });
  const fail = (message: string): never => {
    throw new ConfigError(`StdioTransport: ${message}`, { server: name });
  };
  if (typeof options.command !== 'string' || options.command.trim() === '') fail('"command" must be a non-empty string');
  const args = options.args ?? [];
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) fail('"args" must be an array of strings');
  const stderr = options.stderr ?? 'pipe';
  if (!STDERR_MODES.includes(stderr)) fail(`"stderr" must be one of ${STDERR_MODES.join(', ')}, got ${String(stderr)}`);
  const processGroup = options.processGroup ?? (attachedToTerminal() || startsThroughWrapper(options.command, args));
  if (typeof processGroup !== 'boolean') fail(`"processGroup" must be true or false, got ${String(processGroup)}`);
  return {
    command: options.command,
    args,
    cwd: options.cwd,
    env: options.env ?? NO_VARIABLES,
    inheritEnv: options.inheritEnv ?? false,
    stderr,
    maxLineBytes: integerOption('maxLineBytes', options.maxLineBytes, { fallback: 10 * 1024 * 1024, min: 1 }, fail),
    shutdownTimeoutMs: integerOption('shutdownTimeoutMs', options.shutdownTimeoutMs, { fallback: 2000, min: 0 }, fail),
    stderrTailLines: integerOption('stderrTailLines', options.stderrTailLines, { fallback: 20, min: 0 }, fail),
    processGroup,
    name,
  };
}

/** The command line as one readable string, quoting arguments that need it. */
export function describeCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (part === '' || /[\s"'\\$`]/.test(part) ? JSON.stringify(part) : part)).join(' ');
}
