import type { ResponseCacheOptions } from '../modern/response-cache-options.js';
import type { EraStore } from '../era/era-cache.js';
import type { EraChoice } from '../era/establish.js';
import type { ClientExtension } from '../extensions/extension.js';
import type { SettingNames } from '../errors/setting-names.js';
import { checkOptions, type OptionKeys } from '../util/check-options.js';
import type { InboundRequestContext } from '../jsonrpc/dispatch.js';
import type { RequestOptions } from '../jsonrpc/engine.js';
import type { TraceContext } from '../modern/envelope.js';
import { checkTaskCapability } from '../legacy/task-receiver/task-capabilities.js';
import { resolveTaskReceiverOptions, type TaskReceiverOptions } from '../legacy/task-receiver/task-receiver-options.js';
import type { UrlElicitationHandler } from './url-elicitation.js';
import type { TaskHandle } from '../tasks/task-handle.js';
import type { RequestContext } from '../middleware/request-context.js';
import type { RequestMiddleware } from '../middleware/request-middleware.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitResult,
  LoggingLevel,
  Root,
} from '../types/index.js';

/** Answers a server's `sampling/createMessage` request by calling a language model. */
export type SamplingHandler = (
  params: CreateMessageRequestParams,
  context: InboundRequestContext,
) => Promise<CreateMessageResult> | CreateMessageResult;

/** Answers a server's form-mode `elicitation/create` request by asking the user to fill in the form. */
export type ElicitationHandler = (params: ElicitRequestFormParams, context: InboundRequestContext) => Promise<ElicitResult> | ElicitResult;

/** Answers a server's `roots/list` request. */
export type RootsHandler = (context: InboundRequestContext) => Promise<Root[]> | Root[];

/** Options of an `McpClient`. */
export interface McpClientOptions {
  /** `clientInfo.name` sent to servers. @default 'mcpx' */
  name?: string;
  /** `clientInfo.version`. @default the @mcpx/core version */
  version?: string;
  /** `clientInfo.title`, a display name. */
  title?: string;
  /** The server's name in error messages and events, for example its key in a config file. */
  server?: string;
  /**
   * Capabilities to declare on top of those derived from the handlers: each replaces the derived
   * one, but `sampling` and `elicitation` are merged key by key (yours winning), so that
   * `{ sampling: { context: {} } }` keeps the `sampling.tools` that `samplingTools` declares.
   * `tasks` is declared in a 2025-11-25 `initialize` only, and needs the handlers it names.
   */
  capabilities?: ClientCapabilities;
  /** Handles `sampling/createMessage`; declares the `sampling` capability. */
  sampling?: SamplingHandler;
  /**
   * The sampling handler gives the model the tools a request offers (`tools`, `toolChoice`) and
   * returns its `tool_use` blocks: declares `sampling.tools`. Without it a request with tools is
   * refused (-32602) before the handler sees it. @default false
   */
  samplingTools?: boolean;
  /** Handles form-mode `elicitation/create`; declares `elicitation.form`. Defaults in the requested schema fill fields the handler leaves out. */
  elicitation?: ElicitationHandler;
  /**
   * Handles URL-mode elicitation: a server's `elicitation/create` with `mode: "url"`, and the
   * URLs of a -32042 (URL elicitation required) error, after which the client retries the request
   * (at most `maxInputRounds` times); declares `elicitation.url`.
   */
  urlElicitation?: UrlElicitationHandler;
  /**
   * Runs a server's task-augmented `sampling/createMessage` and `elicitation/create` (2025-11-25)
   * as tasks the server polls (`tasks/get`, `tasks/result`, `tasks/list`, `tasks/cancel`), and
   * declares the `tasks` capability for the handlers given; `false` answers them as plain requests.
   * @default true when a sampling or elicitation handler is given, with the defaults of `TaskReceiverOptions`
   */
  taskReceiver?: boolean | TaskReceiverOptions;
  /** Handles `roots/list`; declares the `roots` capability. */
  roots?: RootsHandler;
  /** Fail fast when calling a method the server did not advertise. @default true */
  strictCapabilities?: boolean;
  /** Per-request timeout in milliseconds, for requests after the handshake. @default 60000 */
  requestTimeoutMs?: number;
  /**
   * Milliseconds connecting may take: starting the transport, the era probe and the handshake
   * (`initialize` or `server/discover`); `requestTimeoutMs` does not apply to them. @default 30000
   */
  connectTimeoutMs?: number;
  /**
   * Milliseconds the handshake waits for a valid message after the server wrote output that is
   * not JSON (a banner on stdout, say) before failing with `NonJsonOutputError`; `Infinity` waits
   * for the connect timeout. @default 3000
   */
  nonJsonGraceMs?: number;
  /** How timeout errors name the settings to raise, for a layer that exposes them under its own names (a config file, a command line). @default the names of these options */
  settingNames?: SettingNames;
  /** Hard cap for any request in milliseconds, whatever progress arrives. @default none */
  maxTotalTimeoutMs?: number;
  /** Most pages one `list*` call follows. @default 100 */
  maxPages?: number;
  /**
   * Pins one protocol revision (its era follows). @default none: the newest the server speaks,
   * 2026-07-28 for a modern server, 2025-11-25 or what it picks for a legacy one
   */
  protocolVersion?: string;
  /** `'auto'` detects the era per server (probe with `server/discover`, fall back to `initialize`); `'legacy'` or `'modern'` insist. @default 'auto' */
  era?: EraChoice;
  /** Milliseconds the `server/discover` probe may take before a silent server counts as legacy. @default 5000 */
  probeTimeoutMs?: number;
  /** Where learned eras are kept (an `EraCache`, or any `EraStore`, synchronous or not), or `false` to probe every time. @default a cache shared by all clients of the process */
  eraCache?: EraStore | false;
  /** The response cache for 2026-07-28 cache hints, or `false` for none. @default an in-memory LRU of 1000 entries, private to this client's identity */
  cache?: ResponseCacheOptions | false;
  /** Most `input_required` rounds (2026-07-28), or -32042 retries (2025-11-25), one request may go through. @default 10 */
  maxInputRounds?: number;
  /**
   * MCP extensions to enable (SEP-2133): each is declared under `extensions` in the client
   * capabilities, and its API is `client.extension(extension)`. Extensions are off unless listed.
   * @default none
   */
  extensions?: readonly ClientExtension[];
  /**
   * Interceptors around every request sent after the handshake, the first outermost (see
   * `RequestMiddleware`). @default none
   */
  middleware?: readonly RequestMiddleware[];
  /**
   * Who and what the requests are for, sent in the `_meta` of every request under `mcpx/context`;
   * its `ttlMs` caps each request's total time. A call's `context` overrides it field by field.
   * @default none
   */
  context?: RequestContext;
}

/** Options of one call: the request options plus what a 2026-07-28 request can carry. */
export interface CallOptions extends RequestOptions {
  /** W3C trace context to propagate in `_meta` (2026-07-28). */
  trace?: TraceContext | undefined;
  /** Minimum log level for this request's log messages (2026-07-28); defaults to the level set with `setLoggingLevel`. */
  logLevel?: LoggingLevel | undefined;
  /** This call's request context, over the client's `context` field by field (`metadata` key by key). */
  context?: RequestContext | undefined;
  /**
   * `callTool` on a 2025-11-25 server: run the tool as a task (`true`, or `{ ttlMs }` to ask the
   * server to keep the task that long after it is created), or not (`false`). A tool whose
   * `execution.taskSupport` is `"required"` always runs as one; an `"optional"` one only when asked.
   * Asking for a task on a tool that forbids it, or refusing one for a tool that requires it, fails
   * with a `ConfigError`; asking a server that cannot run tools as tasks, with a `CapabilityError`.
   * Ignored on 2026-07-28, where the server decides (the tasks extension). @default only for required tools
   */
  task?: boolean | { ttlMs?: number | undefined } | undefined;
  /**
   * Called when the call became a task, in either era, before the client waits for it: show its
   * progress (`handle.changes()`), or keep `handle.taskId` to reattach with `client.tasks.get`.
   * @default none
   */
  onTask?: ((handle: TaskHandle) => void) | undefined;
}

/** Options of `McpClient.connect`. */
export interface ConnectOptions {
  /** Aborts connecting. */
  signal?: AbortSignal;
  /** Milliseconds allowed for connecting (starting the transport and the handshake). @default the client's `connectTimeoutMs` */
  timeoutMs?: number;
}

/**
 * Every option of `McpClientOptions`, nested ones included, for `checkOptions`: a layer that
 * takes client options in its own options (as `client`, say) nests this to check them up front.
 */
export const MCP_CLIENT_OPTION_KEYS = {
  name: true,
  version: true,
  title: true,
  server: true,
  capabilities: true,
  sampling: true,
  samplingTools: true,
  elicitation: true,
  urlElicitation: true,
  taskReceiver: {
    maxTtlMs: true,
    pollIntervalMs: true,
    maxTasks: true,
    maxFinishedTasks: true,
    pageSize: true,
  } satisfies OptionKeys<TaskReceiverOptions>,
  roots: true,
  strictCapabilities: true,
  requestTimeoutMs: true,
  connectTimeoutMs: true,
  nonJsonGraceMs: true,
  settingNames: { requestTimeoutMs: true, maxTotalTimeoutMs: true, connectTimeoutMs: true } satisfies OptionKeys<SettingNames>,
  maxTotalTimeoutMs: true,
  maxPages: true,
  protocolVersion: true,
  era: true,
  probeTimeoutMs: true,
  eraCache: true,
  cache: { store: true, identity: true, serverKey: true, storeTimeoutMs: true, storeRetryMs: true } satisfies OptionKeys<
    Exclude<McpClientOptions['cache'], false | undefined>
  >,
  maxInputRounds: true,
  extensions: true,
  middleware: true,
  context: true,
} as const satisfies OptionKeys<McpClientOptions>;

const TRANSPORT_OPTION =
  'it is an option of the transport (new StdioTransport({ command, args }), new StreamableHttpTransport(url, { headers })), not of the client';

/** What to do with keys that belong to another call than `new McpClient()`. */
const CLIENT_OPTION_HINTS: Readonly<Record<string, string>> = {
  transport: 'pass the transport to connect(transport) instead',
  signal: 'pass it to connect(transport, { signal }) instead',
  timeout: 'use "requestTimeoutMs" for each request or "connectTimeoutMs" for connecting',
  timeoutMs: 'use "requestTimeoutMs" for each request or "connectTimeoutMs" for connecting',
  command: TRANSPORT_OPTION,
  args: TRANSPORT_OPTION,
  url: TRANSPORT_OPTION,
  headers: TRANSPORT_OPTION,
};

const CONNECT_OPTION_KEYS = { signal: true, timeoutMs: true } as const satisfies OptionKeys<ConnectOptions>;

/** Refuses options of `new McpClient()` it does not know, `taskReceiver` values out of range, and a `capabilities.tasks` it cannot honour. */
export function checkClientOptions(options: McpClientOptions): void {
  checkOptions(options, MCP_CLIENT_OPTION_KEYS, { where: 'new McpClient(options)', server: options.server, hints: CLIENT_OPTION_HINTS });
  resolveTaskReceiverOptions(options.taskReceiver, options.server);
  checkTaskCapability(options);
}

/** Refuses options of `connect()` it does not know. */
export function checkConnectOptions(options: ConnectOptions, server: string | undefined): void {
  checkOptions(options, CONNECT_OPTION_KEYS, { where: 'McpClient.connect(transport, options)', server });
}
