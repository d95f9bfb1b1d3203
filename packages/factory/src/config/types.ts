import type { EraChoice } from '@mcpx/core';

/** The transports a server can use. */
export type TransportKind = 'stdio' | 'http' | 'sse' | 'websocket';

/** How a dropped connection is re-established: exponential backoff between attempts. */
export interface ReconnectConfig {
  /** Attempts in a row before giving up. @default Infinity */
  maxAttempts?: number | undefined;
  /** Delay before the first attempt, in milliseconds. @default 1000 */
  initialDelayMs?: number | undefined;
  /** Longest delay between attempts, in milliseconds. @default 30000 */
  maxDelayMs?: number | undefined;
}

/** How the server's health is checked while connected: a ping every `intervalMs`. */
export interface HealthConfig {
  /** Milliseconds between checks while the server is healthy. @default 30000 */
  intervalMs?: number | undefined;
  /** Milliseconds between checks while it is degraded (slow). @default 5000 */
  degradedIntervalMs?: number | undefined;
  /** Milliseconds a check may take before it counts as failed. @default 10000 */
  timeoutMs?: number | undefined;
  /** A check slower than this marks the server degraded, in milliseconds. @default 2000 */
  degradedLatencyMs?: number | undefined;
  /** Failed checks in a row after which the connection counts as dead and is replaced. @default 3 */
  failureThreshold?: number | undefined;
}

/**
 * A server entry as written in a config file, in its camelCase spelling. Every key is optional
 * here; validation says what is missing. The README's config reference details each one.
 */
export interface ServerEntry {
  /** The transport; inferred from `command` or the `url` scheme when absent. `transport` is accepted as another name. */
  type?: 'stdio' | 'http' | 'streamable-http' | 'streamableHttp' | 'sse' | 'ws' | 'websocket' | undefined;
  /** The server's name, when the entry is given to `createClient` outside a config file. */
  name?: string | undefined;
  /** The program to start (stdio). */
  command?: string | undefined;
  /** Its arguments. @default [] */
  args?: readonly string[] | undefined;
  /** Variables for the server process. @default {} */
  env?: Readonly<Record<string, string>> | undefined;
  /** A `.env` file whose variables go under `env`. */
  envFile?: string | undefined;
  /** Working directory of the server process. */
  cwd?: string | undefined;
  /** The endpoint of a remote server: http(s) or ws(s). */
  url?: string | undefined;
  /** HTTP headers for every request (or the WebSocket upgrade). @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Retry over the legacy HTTP+SSE transport when Streamable HTTP is refused with a 4xx. @default true */
  sseFallback?: boolean | undefined;
  /** Whether `createRegistry` connects it. @default true */
  enabled?: boolean | undefined;
  /** The opposite of `enabled`, as Cline writes it. */
  disabled?: boolean | undefined;
  /** Milliseconds for connecting. @default 30000 */
  connectTimeoutMs?: number | undefined;
  /** Milliseconds each request may take. @default 60000 */
  requestTimeoutMs?: number | undefined;
  /** Reconnection: `false` never, `true` or settings for exponential backoff. @default the registry's */
  reconnect?: boolean | ReconnectConfig | undefined;
  /** Health checks: `false` none, `true` or settings. @default the registry's */
  health?: boolean | HealthConfig | undefined;
  /** The prefix of its tools and prompts in a registry's catalog. @default its name */
  toolPrefix?: string | undefined;
  /** Labels for selecting servers. @default [] */
  tags?: readonly string[] | undefined;
  /** Which protocol era to speak. @default 'auto' */
  era?: EraChoice | undefined;
  /** Pins one protocol revision. */
  protocolVersion?: string | undefined;
}

/** What every validated server has, whatever its transport. */
export interface ServerOptions {
  /** Its key in the config file. */
  readonly name: string;
  /** Whether `createRegistry` connects it. @default true */
  readonly enabled: boolean;
  /** Labels for selecting servers. @default [] */
  readonly tags: readonly string[];
  /** The prefix of its tool and prompt names in a registry's catalog; `''` keeps the names as they are. @default its name */
  readonly toolPrefix?: string | undefined;
  /** Milliseconds allowed for connecting (start and handshake, the SSE fallback included). @default 30000 */
  readonly connectTimeoutMs?: number | undefined;
  /** Milliseconds each request may take. @default 60000 */
  readonly requestTimeoutMs?: number | undefined;
  /** Reconnection after a drop; `false` never reconnects, undefined keeps the registry's default. */
  readonly reconnect?: ReconnectConfig | false | undefined;
  /** Health checks; `false` turns them off, undefined keeps the registry's default. */
  readonly health?: HealthConfig | false | undefined;
  /** Which protocol era to speak. @default 'auto' */
  readonly era?: EraChoice | undefined;
  /** Pins one protocol revision. @default none: negotiated */
  readonly protocolVersion?: string | undefined;
}

/** A server started as a child process, talking over its stdin and stdout. */
export interface StdioServerConfig extends ServerOptions {
  readonly transport: 'stdio';
  readonly command: string;
  readonly args: readonly string[];
  /** Variables set for the server: those of `envFile`, then `env` over them. */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute working directory, when one was given. */
  readonly cwd?: string | undefined;
}

/** A server reached over Streamable HTTP, falling back to the legacy HTTP+SSE transport if allowed. */
export interface HttpServerConfig extends ServerOptions {
  readonly transport: 'http';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Retry with the legacy HTTP+SSE transport when the first request is answered with a 4xx (not 401 or 403). @default true */
  readonly sseFallback: boolean;
}

/** A server reached over the legacy HTTP+SSE transport (2024-11-05). */
export interface SseServerConfig extends ServerOptions {
  readonly transport: 'sse';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A server reached over a WebSocket. */
export interface WebSocketServerConfig extends ServerOptions {
  readonly transport: 'websocket';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One validated server, ready for `createClient`. */
export type ServerConfig = StdioServerConfig | HttpServerConfig | SseServerConfig | WebSocketServerConfig;

/** A validated config: its servers in file order. */
export interface McpxConfig {
  /** The file it was read from; undefined when it was given as an object. */
  readonly file: string | undefined;
  readonly servers: readonly ServerConfig[];
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;
