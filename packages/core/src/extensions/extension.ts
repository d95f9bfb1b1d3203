import type { McpClient } from '../client/mcp-client.js';
import type { CallOptions } from '../client/options.js';

/**
 * An MCP extension on the client side (SEP-2133): what it declares under `extensions` in the
 * client capabilities, the methods and result types it adds, and the API it gives its users. The
 * built-in extensions (`@mcpx/core/skills`) are written on this interface, as a user's would be.
 * Register it with `new McpClient({ extensions: [extension] })`, then get its API with
 * `client.extension(extension)`.
 * @example
 * const weather: ClientExtension<{ forecast(city: string): Promise<Record<string, unknown>> }> = {
 *   id: 'com.example/weather',
 *   methods: ['weather/forecast'],
 *   create: (host) => ({ forecast: (city) => host.request('weather/forecast', { city }) }),
 * };
 * const client = new McpClient({ extensions: [weather] });
 * await client.connect(transport);
 * await client.extension(weather).forecast('Lisbon');
 */
export interface ClientExtension<Api = unknown> {
  /** The extension identifier, `{vendor-prefix}/{extension-name}` such as `io.modelcontextprotocol/skills`. */
  readonly id: string;
  /** The settings declared as `capabilities.extensions[id]`. @default {} (supported, no settings) */
  readonly settings?: Readonly<Record<string, unknown>> | undefined;
  /**
   * The request methods this extension adds. The client refuses to send them, with a
   * `CapabilityError`, to a server that did not declare the extension (unless
   * `strictCapabilities` is false). @default none
   */
  readonly methods?: readonly string[] | undefined;
  /**
   * What to do with results whose `resultType` is one this extension adds (2026-07-28): each
   * handler turns such a result into the final one, for example by polling until a task ends.
   * Results of other unknown types are refused. @default none
   */
  readonly resultTypes?: Readonly<Record<string, ResultTypeHandler>> | undefined;
  /** Makes this extension's API for one client; called once, when the client is constructed. */
  create(host: ExtensionHost): Api;
}

/** What an extension is given by the client it is registered with. */
export interface ExtensionHost {
  /** The extension's identifier. */
  readonly id: string;
  /** The server's name in error messages (the client's `server` option). */
  readonly server: string | undefined;
  /** The client: its typed methods (`readResource`, `callTool`) serve extensions too. */
  readonly client: McpClient;
  /** The settings the server declared for this extension; undefined before connecting or when the server did not declare it. */
  serverSettings(): Readonly<Record<string, unknown>> | undefined;
  /**
   * Sends a request and resolves with its result, as `client.request` does but through the era's
   * typed path: on a 2026-07-28 server the `_meta` envelope, the response cache and the
   * `resultType` handling apply.
   */
  request(method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>>;
  /**
   * Answers server-to-client requests a result carries (an `inputRequests` map, keyed by the server)
   * with the client's handlers (`elicitation`, `urlElicitation`, `sampling`, `roots`), as the client
   * answers an `input_required` result; resolves with the `inputResponses` map, keyed the same.
   * `method` names the request in error messages.
   */
  answerInputRequests(
    inputRequests: Record<string, unknown>,
    context: { method: string; signal?: AbortSignal | undefined },
  ): Promise<Record<string, unknown>>;
  /** Calls `handler` with the params of every server notification named `method`; returns the function that stops it. */
  onNotification(method: string, handler: (params: Record<string, unknown>) => void): () => void;
}

/**
 * Turns a result of an extension's `resultType` into the final result of the request, or fails.
 * The final result goes through the same check again, so it may itself be of another type.
 */
export type ResultTypeHandler = (result: Record<string, unknown>, context: ResultTypeContext) => Promise<Record<string, unknown>>;

/** What a `ResultTypeHandler` knows of the request that produced the result. */
export interface ResultTypeContext {
  /** The method of the request. */
  readonly method: string;
  /** The params it was sent with (without the `_meta` envelope). */
  readonly params: Record<string, unknown> | undefined;
  /** The caller's abort signal, if any. */
  readonly signal: AbortSignal | undefined;
  /**
   * The options the caller gave the request (`context`, `trace`, `timeoutMs`, `logLevel`,
   * `signal`...). The follow-up requests sent through `host` take them by default, under the
   * options the handler passes (a `context` field by field); `onid` is left out, since it names
   * the caller's request alone.
   */
  readonly options: CallOptions;
  /** The host of the extension that handles this result type: it sends the follow-up requests, with the caller's options. */
  readonly host: ExtensionHost;
}
