import type { EraSession, NotificationFilter } from '../era/era-session.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import type { ClientExtension } from '../extensions/extension.js';
import { extensionHost } from '../extensions/extension-host.js';
import { answerInputRequests } from '../modern/input-required.js';
import { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { ServerSession } from '../session.js';
import type { Transport, TransportFactory } from '../transport.js';
import type {
  CallToolResult,
  CompleteRequestParams,
  CompleteResult,
  GetPromptResult,
  Implementation,
  ListPromptsResult,
  ListResourceTemplatesResult,
  ListResourcesResult,
  ListToolsResult,
  LoggingLevel,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
} from '../types/index.js';
import { ClientConnection } from './client-connection.js';
import { clientTasks, type ClientTasks } from './client-tasks.js';
import { ClientEvents, type ClientEvent, type ClientEventMap, type ClientState } from './events.js';
import { callTool, listAll, listTools, listToolsPage } from './feature-calls.js';
import { Metrics, type MetricsSnapshot } from './metrics.js';
import { checkClientOptions, type CallOptions, type ConnectOptions, type McpClientOptions } from './options.js';
import { OutputSchemaValidator } from './output-schema.js';
import { ToolExecutions } from './tool-executions.js';
import { cursorParams } from './pagination.js';

/** The package version, baked in at build time. */
export const VERSION: string = __MCPX_VERSION__;

/**
 * A client of one MCP server: typed methods for every client-side feature of the protocol,
 * automatic pagination, handlers for server-to-client requests, events and metrics.
 * @example
 * const client = new McpClient({ name: 'my-app' });
 * await client.connect(new StdioTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] }));
 * const { tools } = await client.listTools();
 * await client.close();
 */
export class McpClient {
  private readonly options: McpClientOptions;
  private readonly emitter = new ClientEvents();
  private readonly stats = new Metrics();
  private readonly extensions: ExtensionRegistry;
  /** The lifecycle, the era session and the gate of every request. */
  private readonly connection: ClientConnection;
  /** The server's tasks, in either era: reattach to one by its identifier, list them, cancel one. */
  readonly tasks: ClientTasks;

  constructor(options: McpClientOptions = {}) {
    checkClientOptions(options);
    this.options = options;
    // `clientInfo`, fixed by the options: built once, sent with every modern request.
    const clientInfo: Implementation = {
      name: options.name ?? 'mcpx',
      version: options.version ?? VERSION,
      ...(options.title === undefined ? {} : { title: options.title }),
    };
    this.extensions = new ExtensionRegistry(
      options.extensions ?? [],
      (id) =>
        extensionHost(
          this,
          id,
          options.server,
          (method, params, call) => {
            // An extension's create() runs while the client is built, before its connection exists:
            // a request made then fails as any request before connect() does.
            const connection: ClientConnection | undefined = this.connection;
            if (connection === undefined) {
              const error = new ConnectionClosedError('not connected (idle): call connect() first and wait for it', {
                server: options.server,
                method,
              });
              return Promise.reject(error);
            }
            return connection.call(method, params, (s) => s.ResultSchema, call);
          },
          (requests, { method, signal }) => answerInputRequests(requests, options, signal, { server: options.server, method }),
        ),
      options.server,
    );
    const { emitter, stats, extensions } = this;
    const outputSchemas = new OutputSchemaValidator();
    const toolExecutions = new ToolExecutions();
    this.connection = new ClientConnection({ options, clientInfo, emitter, stats, outputSchemas, toolExecutions, extensions });
    this.tasks = clientTasks(this.connection);
  }

  /** The current lifecycle state. */
  get state(): ClientState {
    return this.connection.state;
  }

  /** The era session of the connection, which the accessors below read. */
  private get era(): EraSession | undefined {
    return this.connection.era;
  }

  /** What the handshake learned about the server; undefined before `connect`. */
  get session(): ServerSession | undefined {
    return this.era?.info;
  }

  /** The server's name and version, once connected. */
  get serverInfo(): Implementation | undefined {
    return this.era?.info.serverInfo;
  }

  /** The server's capabilities, once connected. */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.era?.info.capabilities;
  }

  /** The extensions the server declared, by identifier, with their settings; undefined before `connect`. */
  get serverExtensions(): Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined {
    return this.era && (this.era.info.capabilities.extensions ?? {});
  }

  /** The API of an extension registered in `extensions`; a `ConfigError` when it is not registered. */
  extension<Api>(extension: ClientExtension<Api>): Api {
    return this.extensions.api(extension, this.options.server);
  }

  /** The negotiated protocol revision, once connected. */
  get protocolVersion(): string | undefined {
    return this.era?.info.protocolVersion;
  }

  /** The server's usage instructions, if it gave any. */
  get instructions(): string | undefined {
    return this.era?.info.instructions;
  }

  /**
   * Starts the transport and performs the handshake, within `connectTimeoutMs`. Give a function
   * that creates the transport rather than a transport, and the client can start the server
   * again when the era probe ends it (older stdio servers exit on methods they do not know).
   * Rejects, and closes what it opened, when the server cannot be reached or speaks no
   * supported revision.
   */
  connect(transport: Transport | TransportFactory, options: ConnectOptions = {}): Promise<ServerSession> {
    return this.connection.connect(transport, options);
  }

  /** Closes the connection; pending requests reject with `ConnectionClosedError`. */
  close(): Promise<void> {
    return this.connection.close();
  }

  /** Lists every tool, following pagination; `ttlMs` is the smallest cache hint of the pages, when the server gave one. */
  listTools(options?: CallOptions): Promise<ListToolsResult & { ttlMs?: number }> {
    return listTools(this.connection, options);
  }

  /** Fetches one page of tools: a first page replaces the output schemas remembered for `callTool`, a later one adds to them. */
  listToolsPage(cursor?: string, options?: CallOptions): Promise<ListToolsResult> {
    return listToolsPage(this.connection, cursor, options, cursor === undefined);
  }

  /**
   * Calls a tool. When the tool declared an `outputSchema` in the last `listTools`, a
   * successful result's `structuredContent` is checked against it.
   */
  callTool(name: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    return callTool(this.connection, name, args, options);
  }

  /** Lists every resource, following pagination; `ttlMs` as for `listTools`. */
  listResources(options?: CallOptions): Promise<{ resources: Resource[]; ttlMs?: number }> {
    return listAll(this.connection, 'resources/list', 'resources', (cursor) => this.listResourcesPage(cursor, options));
  }

  /** Fetches one page of resources. */
  listResourcesPage(cursor?: string, options?: CallOptions): Promise<ListResourcesResult> {
    return this.connection.call('resources/list', cursorParams(cursor), (s) => s.ListResourcesResultSchema, options);
  }

  /** Lists every resource template, following pagination. */
  listResourceTemplates(options?: CallOptions): Promise<{ resourceTemplates: ResourceTemplate[]; ttlMs?: number }> {
    return listAll(this.connection, 'resources/templates/list', 'resourceTemplates', (cursor) =>
      this.listResourceTemplatesPage(cursor, options),
    );
  }

  /** Fetches one page of resource templates. */
  listResourceTemplatesPage(cursor?: string, options?: CallOptions): Promise<ListResourceTemplatesResult> {
    return this.connection.call('resources/templates/list', cursorParams(cursor), (s) => s.ListResourceTemplatesResultSchema, options);
  }

  /** Reads one resource. */
  readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return this.connection.call('resources/read', { uri }, (s) => s.ReadResourceResultSchema, options);
  }

  /** Asks for `notifications/resources/updated` when the resource changes. */
  subscribeResource(uri: string, options?: CallOptions): Promise<void> {
    return this.connection.active('resources/subscribe', (era) => era.subscribe({ resourceSubscriptions: [uri] }, options));
  }

  /** Stops the updates of `subscribeResource`. */
  unsubscribeResource(uri: string, options?: CallOptions): Promise<void> {
    return this.connection.active('resources/unsubscribe', (era) => era.unsubscribe({ resourceSubscriptions: [uri] }, options));
  }

  /** Lists every prompt, following pagination; `ttlMs` as for `listTools`. */
  listPrompts(options?: CallOptions): Promise<{ prompts: Prompt[]; ttlMs?: number }> {
    return listAll(this.connection, 'prompts/list', 'prompts', (cursor) => this.listPromptsPage(cursor, options));
  }

  /** Fetches one page of prompts. */
  listPromptsPage(cursor?: string, options?: CallOptions): Promise<ListPromptsResult> {
    return this.connection.call('prompts/list', cursorParams(cursor), (s) => s.ListPromptsResultSchema, options);
  }

  /** Gets a prompt, filled with `args`. */
  getPrompt(name: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    return this.connection.call(
      'prompts/get',
      args === undefined ? { name } : { name, arguments: args },
      (s) => s.GetPromptResultSchema,
      options,
    );
  }

  /** Asks for completions of a prompt or resource-template argument. */
  complete(params: CompleteRequestParams, options?: CallOptions): Promise<CompleteResult> {
    return this.connection.call('completion/complete', params, (s) => s.CompleteResultSchema, options);
  }

  /** Sets the minimum level of log messages the server sends (on a 2026-07-28 server, in the `_meta` of every later request). */
  setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    return this.connection.active('logging/setLevel', (era) => era.setLoggingLevel(level, options));
  }

  /** Checks the server answers: `ping`, or `server/discover` on a 2026-07-28 server, which has no ping. */
  ping(options?: CallOptions): Promise<void> {
    return this.connection.active('ping', (era) => era.ping(options));
  }

  /**
   * Subscribes to server notifications. On a 2026-07-28 server this keeps one
   * `subscriptions/listen` stream open for everything subscribed (resolving once the server
   * acknowledged it); on a legacy server list changes always arrive and resources use
   * `resources/subscribe`.
   */
  subscribe(filter: NotificationFilter): Promise<void> {
    return this.connection.active({ operation: 'subscribing' }, (era) => era.subscribe(filter));
  }

  /** Undoes `subscribe`. */
  unsubscribe(filter: NotificationFilter): Promise<void> {
    return this.connection.active({ operation: 'unsubscribing' }, (era) => era.unsubscribe(filter));
  }

  /** Tells the server the roots changed (needs the `roots` handler). */
  async sendRootsListChanged(): Promise<void> {
    await this.connection.connected('notifications/roots/list_changed').notify('notifications/roots/list_changed');
  }

  /** Sends any request and resolves with its raw result; the capability check still applies. */
  request(method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.connection.active(method, (era) => era.send(method, params, options));
  }

  /** Sends any notification. */
  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.connection.connected(method).notify(method, params);
  }

  /** Adds an event listener; returns the function that removes it. */
  on<K extends keyof ClientEventMap>(type: K, listener: (event: ClientEventMap[K]) => void): () => void {
    return this.emitter.on(type, listener);
  }

  /** Every event from now on as an async iterator, until `signal` aborts or the loop breaks. */
  events(signal?: AbortSignal): AsyncGenerator<ClientEvent> {
    return this.emitter.stream(signal);
  }

  /** Request counts and latencies so far. */
  metrics(): MetricsSnapshot {
    return this.stats.snapshot();
  }
}
