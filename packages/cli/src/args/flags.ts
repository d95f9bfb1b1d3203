/** How a flag is written and what it takes. */
export interface FlagSpec {
  /** The long name, without the dashes: `config` for `--config`. */
  readonly name: string;
  /** A one-letter alias, without the dash. */
  readonly short?: string;
  /** `boolean` flags take no value (`--no-<name>` turns one off when `negatable`); `string` flags take one. */
  readonly kind: 'boolean' | 'string';
  /** The value's placeholder in help, such as `<file>`. */
  readonly value?: string;
  /** Whether `--no-<name>` is the form users write (help shows that form). */
  readonly negatable?: boolean;
  /** Whether a string flag may be given several times, each value kept (`--header a --header b`). */
  readonly repeatable?: boolean;
  readonly description: string;
}

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'config',
    short: 'c',
    kind: 'string',
    value: '<file>',
    description: 'the config file (default: discovered, else the example fleet)',
  },
  { name: 'json', kind: 'boolean', description: 'machine-readable JSON on stdout' },
  { name: 'color', kind: 'boolean', negatable: true, description: 'no colours (also NO_COLOR=1; colours are only used on a terminal)' },
  { name: 'verbose', short: 'v', kind: 'boolean', description: "servers' stderr, log messages and transport diagnostics on stderr" },
  {
    name: 'timeout',
    kind: 'string',
    value: '<duration>',
    description: 'time allowed for each request once connected: 500ms, 30s, 2m (default: 60s, reset by progress)',
  },
  {
    name: 'connect-timeout',
    kind: 'string',
    value: '<duration>',
    description: 'time allowed for connecting each server, start and handshake (default: 30s)',
  },
  {
    name: 'otel',
    kind: 'boolean',
    description:
      'export the traces of the command over OTLP/HTTP (default: when OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set, else to localhost:4318)',
  },
  { name: 'help', short: 'h', kind: 'boolean', description: 'help for mcpx or for the command' },
  { name: 'version', short: 'V', kind: 'boolean', description: 'the version of mcpx' },
];

/**
 * A one-off server instead of a config file: `--url` for a remote one, or its command line
 * after `--` for a local one (`mcpx tools -- node server.js`).
 */
export const SERVER_FLAGS: readonly FlagSpec[] = [
  {
    name: 'url',
    kind: 'string',
    value: '<url>',
    description: 'use the server at this URL instead of a config file (Streamable HTTP, falling back to SSE; ws:// for WebSocket)',
  },
  {
    name: 'transport',
    kind: 'string',
    value: '<kind>',
    description: "the one-off server's transport: stdio, http, sse or websocket (default: from the URL, or stdio after --)",
  },
  {
    name: 'header',
    kind: 'string',
    value: '<name: value>',
    repeatable: true,
    description: 'an HTTP header for a --url server; repeatable',
  },
  {
    name: 'env',
    kind: 'string',
    value: '<KEY=VALUE>',
    repeatable: true,
    description: 'an environment variable for a server started after --; repeatable',
  },
  { name: 'cwd', kind: 'string', value: '<dir>', description: 'the working folder of a server started after --' },
  {
    name: 'name',
    kind: 'string',
    value: '<name>',
    description: "the one-off server's name in output (default: from the command or the host)",
  },
];

/** The flags of commands that may be asked questions by a server: elicitation and sampling. */
export const INTERACTION_FLAGS: readonly FlagSpec[] = [
  {
    name: 'answers',
    kind: 'string',
    value: '<json>',
    description: 'answers to elicitation forms, as a JSON object (when stdin is not a terminal)',
  },
  {
    name: 'sampling-command',
    kind: 'string',
    value: '<command>',
    description:
      'answers sampling requests: the command reads the request (tools included) as JSON on stdin and prints the reply, text or JSON with tool_use blocks (env MCPX_SAMPLING_COMMAND)',
  },
  {
    name: 'sampling',
    kind: 'boolean',
    negatable: true,
    description: 'do not offer sampling to servers at all (by default it is offered and refused unless --sampling-command is set)',
  },
  {
    name: 'url-wait',
    kind: 'string',
    value: '<duration>',
    description:
      'without a terminal, how long to wait for a server to report that a URL it requires (error -32042) was completed (default: 5m)',
  },
];

/** The flags of `--watch` commands. */
export const WATCH_FLAGS: readonly FlagSpec[] = [
  { name: 'watch', short: 'w', kind: 'boolean', description: 'keep running and refresh the table (Ctrl-C stops)' },
  { name: 'interval', kind: 'string', value: '<duration>', description: 'time between refreshes and health checks (default: 2s)' },
  { name: 'count', kind: 'string', value: '<n>', description: 'stop after n refreshes' },
];
