import type { JsonRpcMessage, RequestId } from './jsonrpc/messages.js';

/** Options for one `Transport.send` call. */
export interface TransportSendOptions {
  /** The inbound request this message answers or belongs to, for transports that route by it. */
  relatedRequestId?: RequestId | undefined;
  /** Aborts a send that is waiting (for example on backpressure). */
  signal?: AbortSignal | undefined;
  /**
   * The `x-mcp-header` arguments of a 2026-07-28 `tools/call`, keyed by the `{name}` of their
   * `Mcp-Param-{name}` header, each value as text, not yet encoded for a header. The client gives
   * them only to a transport that `mirrorsToolArguments`, which sends them as headers, and only
   * when the call gives one or more.
   */
  parameterHeaders?: Readonly<Record<string, string>> | undefined;
  /**
   * Headers request middleware added to this request. A binding that speaks HTTP sends them, its
   * own headers (session, protocol revision, authorization, content type) winning on a clash;
   * the others ignore them.
   */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * For a request: how long the engine waits for its response, in milliseconds (the smaller of
   * its `timeoutMs` and `maxTotalTimeoutMs`), for a binding that carries a deadline (gRPC).
   * Progress may extend the engine's own wait, never the deadline a binding sent.
   */
  timeoutMs?: number | undefined;
}

/** Something a transport noticed that is not a message nor a failure: a stderr line, a stray line. */
export type TransportDiagnostic = { type: 'stderr'; line: string } | { type: 'non-json'; line: string } | { type: 'info'; message: string };

/**
 * Moves JSON-RPC messages between this client and one server. Shaped like the official
 * SDK's `Transport`, so one written for it adapts in a few lines.
 */
export interface Transport {
  /** Opens the connection (spawns the process, opens the socket...). Call once. */
  start(): Promise<void>;
  /** Sends one message. Rejects when the message cannot be delivered. */
  send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void>;
  /** Closes the connection and releases everything it holds. Safe to call twice. */
  close(): Promise<void>;
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not by itself close the connection. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called exactly once when the connection has ended, with the reason when it was not asked for. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with diagnostics such as stderr lines. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** Told the negotiated protocol revision, for bindings that put it in headers. */
  setProtocolVersion?(version: string): void;
  /**
   * Set by the client: asked by a transport whose server ended the session (Streamable HTTP: a
   * 404 to a request that carried `Mcp-Session-Id`) to start a new one over this same transport,
   * with `initialize` and `notifications/initialized` again. The promise resolves once the new
   * session is in place, and the transport then sends the refused message again; it rejects when
   * no new session could be started. Those two messages of the renewal must neither wait for a
   * renewal nor start one. A transport left without it cannot renew a session.
   */
  onsessionexpired?: (() => Promise<void>) | undefined;
  /**
   * True for a binding that mirrors `x-mcp-header` tool arguments into headers (Streamable HTTP,
   * from 2026-07-28). The client then reads each listed tool's annotations, leaves out of
   * `tools/list` the tools whose annotations break the rules, refuses to call them, and gives
   * a `tools/call` the values of its annotated arguments in `TransportSendOptions.parameterHeaders`
   * (none when it gives no such argument, or the tool was not listed).
   * @default false
   */
  readonly mirrorsToolArguments?: boolean;
  /** A short description for error messages: the command line or the URL. */
  readonly description?: string;
  /** What identifies the server for the era cache: its origin (HTTP). @default `description` */
  readonly eraCacheKey?: string;
}

/**
 * Creates a new, unstarted transport to the same server. Given to `McpClient.connect` instead
 * of a transport, it lets the client open a second connection when the first one is ended by the
 * era probe (older servers exit on methods they do not know).
 */
export type TransportFactory = () => Transport;
