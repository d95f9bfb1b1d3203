import type { EraChoice } from '@mcpx/core';

/** The transports a server can use. */
export type TransportKind = 'stdio' | 'http' | 'sse' | 'websocket' | 'grpc';

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
  /**
   * Share of the interval over which each wait is drawn at random, centred on it, 0 to 1, so that
   * servers do not check together; 0 checks exactly every interval. @default 0.5
   */
  jitter?: number | undefined;
}

/**
 * How tokens are obtained, as written in a config: the browser login (the default), or one of
 * the machine grants of `@mcpx/auth`.
 */
export type OAuthGrantConfig =
  | { readonly type: 'authorization_code' }
  | { readonly type: 'client_credentials' }
  | {
      readonly type: 'enterprise';
      /** The user's ID token (or other identity assertion) from the identity provider; usually `${VAR}`. */
      readonly idToken: string;
      /** The identity provider's token endpoint, where the exchange happens. */
      readonly idpTokenEndpoint: string;
      /** The client ID at the identity provider, if it differs from `clientId`. */
      readonly idpClientId?: string | undefined;
      /** The client secret at the identity provider, if it needs one; the authorization server's `clientSecret` is never sent there. */
      readonly idpClientSecret?: string | undefined;
    }
  | {
      readonly type: 'workload_identity';
      /** The platform's token, when given directly (usually `${VAR}`). */
      readonly token?: string | undefined;
      /** Absolute path of a file holding the platform's token, read at each use. */
      readonly tokenFile?: string | undefined;
    };

/**
 * A server's OAuth settings: the part of `@mcpx/auth`'s `OAuthOptions` a config file can hold.
 * Every one is optional; a server's 401 tells the rest.
 */
export interface OAuthConfig {
  /** A client registered beforehand. Without one, mcpx uses a client ID metadata document or registers dynamically. */
  readonly clientId?: string | undefined;
  /** The secret of the pre-registered client, if it has one. */
  readonly clientSecret?: string | undefined;
  /** A PKCS#8 PEM private key for `private_key_jwt` and signed assertions (from `privateKey` or the file `privateKeyFile`). */
  readonly privateKey?: string | undefined;
  /** The private key's algorithm. @default 'RS256' */
  readonly privateKeyAlg?: string | undefined;
  /** The token endpoint authentication method. @default chosen from what the server supports */
  readonly tokenEndpointAuthMethod?: 'none' | 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | undefined;
  /** An HTTPS URL serving this client's metadata document, used as its `client_id` where supported. */
  readonly clientMetadataUrl?: string | undefined;
  /** The name shown on the consent screen when mcpx registers. @default 'mcpx' */
  readonly clientName?: string | undefined;
  /** The scopes to ask for. @default the server's challenge or its published scopes */
  readonly scopes?: readonly string[] | undefined;
  /** The loopback port the browser returns to; 0 picks a free one. @default 0 */
  readonly redirectPort?: number | undefined;
  /** Bind tokens to a key (DPoP, RFC 9449); `true` uses ES256. @default false */
  readonly dpop?: boolean | { readonly alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA' } | undefined;
  /** How tokens are obtained. @default { type: 'authorization_code' } */
  readonly grant?: OAuthGrantConfig | undefined;
}

/** The `oauth` table of a server entry, as written. */
export interface OAuthEntry extends Omit<OAuthConfig, 'scopes' | 'grant'> {
  /** A file holding the PEM private key; a relative path starts at the folder of the config file. */
  readonly privateKeyFile?: string | undefined;
  /** The scopes: a list, or one space-separated string as Claude Code writes it. */
  readonly scopes?: string | readonly string[] | undefined;
  /** Claude Code's and VS Code's name for `redirectPort`. */
  readonly callbackPort?: number | undefined;
  /** The grant: its type alone (`"client_credentials"`), or a table with `type` and its fields (`tokenFile` relative to the config file). */
  readonly grant?: OAuthGrantConfig['type'] | OAuthGrantConfig | undefined;
}

/**
 * A server entry as written in a config file, in its camelCase spelling. Every key is optional
 * here; validation says what is missing. The README's config reference details each one.
 */
export interface ServerEntry {
  /** The transport; inferred from `command` or the `url` scheme when absent. `transport` is accepted as another name. */
  type?: 'stdio' | 'http' | 'streamable-http' | 'streamableHttp' | 'sse' | 'ws' | 'websocket' | 'grpc' | undefined;
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
  /** The command relays to a server that outlives it (mcp-remote): its tasks go on after mcpx exits. @default false */
  proxy?: boolean | undefined;
  /**
   * Start the server as the leader of its own process group (POSIX), so that stopping it signals
   * the whole group and a Ctrl-C does not reach it, at a cost in CPU per request on Linux;
   * `false` runs it in mcpx's group, and stopping it ends the processes found below it (`npx`
   * grandchildren). See `StdioTransportOptions.processGroup`.
   * @default true when mcpx has a terminal or the command is a package runner (`npx`, `uvx`...), else false
   */
  processGroup?: boolean | undefined;
  /** The endpoint of a remote server: http(s), ws(s) or grpc(s). */
  url?: string | undefined;
  /** HTTP headers for every request (or the WebSocket upgrade). @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Retry over the legacy HTTP+SSE transport when Streamable HTTP is refused with a 4xx. @default true */
  sseFallback?: boolean | undefined;
  /**
   * OAuth settings (HTTP, SSE and WebSocket servers); `false` turns OAuth off. Cursor's `auth`
   * is accepted as another name. The README's config reference details each key.
   * @default OAuth with no settings when `@mcpx/auth` is installed and `headers` has no `Authorization`
   */
  oauth?: false | OAuthEntry | undefined;
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
  /** Tools hidden from listing and refused when called; it wins over `includeTools`. */
  disabledTools?: readonly string[] | undefined;
  /** Gemini CLI's name for `disabledTools`. */
  excludeTools?: readonly string[] | undefined;
  /** The only tools listed and callable, when given. */
  includeTools?: readonly string[] | undefined;
  /** Tools a host may call without asking the user first. */
  autoApprove?: readonly string[] | undefined;
  /** Roo Code's name for `autoApprove`. */
  alwaysAllow?: readonly string[] | undefined;
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
  /** Tools hidden from listing and refused when called (`disabledTools`, or Gemini CLI's `excludeTools`); it wins over `includeTools`. @default none */
  readonly disabledTools?: readonly string[] | undefined;
  /** When given, the only tools listed and callable (`includeTools`, as Gemini CLI writes it). @default every tool */
  readonly includeTools?: readonly string[] | undefined;
  /**
   * Tools a host may call without asking the user first (`autoApprove`, or Roo Code's
   * `alwaysAllow`); mcpx only reports it: a host asks before calling the others. @default none
   */
  readonly autoApprove?: readonly string[] | undefined;
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
  /**
   * The command only relays to a server that outlives it (mcp-remote, a socket relay): what runs
   * there, such as a task, goes on after the command stops. @default false
   */
  readonly proxy?: boolean | undefined;
  /** Start the server as the leader of its own process group (POSIX); see `StdioTransportOptions.processGroup`. @default true when mcpx has a terminal or the command is a package runner, else false */
  readonly processGroup?: boolean | undefined;
}

/** What every server reached over the network has. */
export interface RemoteServerOptions extends ServerOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * OAuth: the settings given, `false` when turned off. Undefined (no `oauth` key) means OAuth with
   * no settings when `@mcpx/auth` is installed and `headers` has no `Authorization`.
   */
  readonly oauth?: OAuthConfig | false | undefined;
}

/** A server reached over Streamable HTTP, falling back to the legacy HTTP+SSE transport if allowed. */
export interface HttpServerConfig extends RemoteServerOptions {
  readonly transport: 'http';
  /** Retry with the legacy HTTP+SSE transport when the first request is answered with a 4xx (not 401 or 403). @default true */
  readonly sseFallback: boolean;
}

/** A server reached over the legacy HTTP+SSE transport (2024-11-05). */
export interface SseServerConfig extends RemoteServerOptions {
  readonly transport: 'sse';
}

/** A server reached over a WebSocket. */
export interface WebSocketServerConfig extends RemoteServerOptions {
  readonly transport: 'websocket';
}

/**
 * A server reached over the gRPC binding of MCP (`grpc://host:port`, `grpcs://host[:port]`): its
 * `headers` go as call metadata (lower-cased). OAuth does not apply; give credentials in `headers`.
 */
export interface GrpcServerConfig extends RemoteServerOptions {
  readonly transport: 'grpc';
}

/** One validated server, ready for `createClient`. */
export type ServerConfig = StdioServerConfig | HttpServerConfig | SseServerConfig | WebSocketServerConfig | GrpcServerConfig;

/** What `fallback` of a config's `store` says to do when Redis cannot be reached at start. */
export type StoreFallback = 'none' | 'memory';

/**
 * The `store` table of a config, as written: state shared by every process that uses the config
 * (response cache, era cache, OAuth tokens) on Redis, through `@mcpx/redis`.
 */
export interface StoreEntry {
  /** The Redis URL, `redis://` or `rediss://` (TLS), usually with `${VAR}`: `redis://:${REDIS_PASSWORD}@${REDIS_HOST}:6379/0`. */
  redis?: string | undefined;
  /** The prefix of every key and channel the stores use, so that several fleets can share one Redis. @default 'mcpx:' */
  prefix?: string | undefined;
  /** `'memory'`: Redis down at start is a warning, and each process keeps its state to itself; `'none'`: it is an error. @default 'none' */
  fallback?: StoreFallback | undefined;
  /** The key OAuth tokens are encrypted with in Redis (usually `${MCPX_TOKEN_KEY}`); without it, tokens stay in the file store. */
  tokenKey?: string | undefined;
  /** Milliseconds connecting to Redis may take at start. @default 10000 */
  connectTimeoutMs?: number | undefined;
}

/** A validated `store`: every `${VAR}` expanded. */
export interface StoreConfig {
  /** The Redis URL. */
  readonly redis: string;
  /** The prefix of every key and channel. @default the stores' own: 'mcpx:' */
  readonly prefix?: string | undefined;
  /** What to do when Redis cannot be reached at start. @default 'none' */
  readonly fallback: StoreFallback;
  /** The encryption key of the Redis token store; undefined keeps tokens in the file store. */
  readonly tokenKey?: string | undefined;
  /** Milliseconds connecting to Redis may take at start. @default 10000 */
  readonly connectTimeoutMs?: number | undefined;
}

/** A validated config: its servers in file order, and the shared store when it has one. */
export interface McpxConfig {
  /** The file it was read from; undefined when it was given as an object. */
  readonly file: string | undefined;
  readonly servers: readonly ServerConfig[];
  /** State shared across processes on Redis (the `store` key); undefined keeps everything in this process. */
  readonly store?: StoreConfig | undefined;
  /** The defaults of `mcpx chat` (the `chat` key); undefined when the config has none. */
  readonly chat?: ChatConfig | undefined;
}

/** The model providers `mcpx chat` can talk to. */
export type ChatProviderName = 'anthropic' | 'openai';

/** The `chat` table of a config: the defaults of `mcpx chat`, which its flags override. */
export interface ChatConfig {
  /** The model provider: `anthropic` (the Messages API) or `openai` (the Responses API). @default 'anthropic' */
  readonly provider?: ChatProviderName | undefined;
  /** The model to ask. @default the provider's default model */
  readonly model?: string | undefined;
  /** The most model turns of one question. @default 10 */
  readonly maxSteps?: number | undefined;
  /** The most tokens of each model turn. @default 4096 with Anthropic, the model's own limit with OpenAI */
  readonly maxTokens?: number | undefined;
  /** The system prompt. @default none */
  readonly system?: string | undefined;
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;
