import type { InboundRequestContext } from '../jsonrpc/dispatch.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  Root,
} from '../types/index.js';

/** Answers a server's `sampling/createMessage` request by calling a language model. */
export type SamplingHandler = (params: CreateMessageRequestParams, context: InboundRequestContext) => Promise<CreateMessageResult> | CreateMessageResult;

/** Answers a server's `elicitation/create` request by asking the user. */
export type ElicitationHandler = (params: ElicitRequestParams, context: InboundRequestContext) => Promise<ElicitResult> | ElicitResult;

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
  /** Capabilities to declare on top of those derived from the handlers. */
  capabilities?: ClientCapabilities;
  /** Handles `sampling/createMessage`; declares the `sampling` capability. */
  sampling?: SamplingHandler;
  /** Handles `elicitation/create`; declares the `elicitation` capability. Defaults in the requested schema fill fields the handler leaves out. */
  elicitation?: ElicitationHandler;
  /** Handles `roots/list`; declares the `roots` capability. */
  roots?: RootsHandler;
  /** Fail fast when calling a method the server did not advertise. @default true */
  strictCapabilities?: boolean;
  /** Per-request timeout in milliseconds. @default 60000 */
  requestTimeout?: number;
  /** Hard cap for any request in milliseconds, whatever progress arrives. @default none */
  maxTotalTimeout?: number;
  /** Most pages one `list*` call follows. @default 100 */
  maxPages?: number;
  /** Pin the protocol revision to offer. @default '2025-11-25' */
  protocolVersion?: string;
}

/** Options of `McpClient.connect`. */
export interface ConnectOptions {
  /** Aborts connecting. */
  signal?: AbortSignal;
  /** Milliseconds allowed for the handshake. @default the client's `requestTimeout` */
  timeout?: number;
}
