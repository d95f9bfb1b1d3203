import { CapabilityError } from '../errors/capability-error.js';
import { ConfigError } from '../errors/config-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import { runHandshake } from '../connect/run-handshake.js';
import type { OutputWatch } from '../connect/output-watch.js';
import type { EraSession, NotificationFilter, SchemaPick } from '../era/era-session.js';
import { sessionParts, type SessionChannel, type SessionParts } from '../era/session-parts.js';
import type { ClientExtension } from '../extensions/extension.js';
import { extensionHost } from '../extensions/extension-host.js';
import { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { ServerSession } from '../session.js';
import type { Transport, TransportFactory } from '../transport.js';
import type {
  CallToolResult,
  ClientCapabilities,
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
import { deriveClientCapabilities, missingServerCapability } from './capabilities.js';
import { createClientEngine } from './client-engine.js';
import { ClientEvents, type ClientEvent, type ClientEventMap, type ClientState } from './events.js';
import { Metrics, type MetricsSnapshot } from './metrics.js';
import { checkClientOptions, checkConnectOptions, type CallOptions, type ConnectOptions, type McpClientOptions } from './options.js';
import { OutputSchemaValidator } from './output-schema.js';
import { RequestPipeline, type Seal } from './request-pipeline.js';
import { collectPages, cursorParams, DEFAULT_MAX_PAGES, withTtl } from './pagination.js';

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
  /** `clientInfo`, fixed by the options: built once, sent with every modern request. */
  private readonly clientInfo: Implementation;
  private readonly emitter = new ClientEvents();
  private readonly stats = new Metrics();
  private readonly outputSchemas = new OutputSchemaValidator();
  private readonly extensions: ExtensionRegistry;
  private readonly pipeline: RequestPipeline;
  /** What every era session of this client is given; it holds what outlives a connection. */
  private readonly parts: SessionParts;
  private engine: JsonRpcEngine | undefined;
  /** How the current connection speaks its era: what the handshake chose. */
  private era: EraSession | undefined;
  private currentState: ClientState = 'idle';

  constructor(options: McpClientOptions = {}) {
    checkClientOptions(options);
    this.options = options;
    this.clientInfo = {
      name: options.name ?? 'mcpx',
      version: options.version ?? VERSION,
      ...(options.title === undefined ? {} : { title: options.title }),
    };
    this.extensions = new ExtensionRegistry(
      options.extensions ?? [],
      (id) =>
        extensionHost(this, id, options.server, (method, params, call) => this.typedRequest(method, params, (s) => s.ResultSchema, call)),
      options.server,
    );
    this.pipeline = new RequestPipeline(options);
    const channel: SessionChannel = { request: (method, params, call, seal) => this.send(method, params, call, seal) };
    this.parts = sessionParts({ channel, options, clientInfo: this.clientInfo, emitter: this.emitter, extensions: this.extensions });
  }

  /** The current lifecycle state. */
  get state(): ClientState {
    return this.currentState;
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
  async connect(transport: Transport | TransportFactory, options: ConnectOptions = {}): Promise<ServerSession> {
    if (this.currentState !== 'idle' && this.currentState !== 'closed') {
      throw new ConfigError(`connect() called while the client is ${this.currentState}; close it first`, { server: this.options.server });
    }
    checkConnectOptions(options, this.options.server);
    this.setState('connecting');
    try {
      this.era = await runHandshake({
        transport,
        attach: (opened, watch) => (this.engine = this.createEngine(opened, watch)),
        client: this.options,
        clientInfo: this.clientInfo,
        capabilities: this.clientCapabilities(),
        call: options,
        parts: this.parts,
      });
    } catch (error) {
      this.setState('closed', error instanceof Error ? error : undefined);
      // The handshake's error is the one to throw; a failure to close what it opened adds nothing.
      await this.engine?.close().catch(() => undefined);
      throw error;
    }
    this.stats.started();
    this.setState('connected');
    this.era.start();
    return this.era.info;
  }

  /** Closes the connection; pending requests reject with `ConnectionClosedError`. */
  async close(): Promise<void> {
    const engine = this.engine;
    if (engine === undefined || this.currentState === 'closed') return;
    this.setState('closing');
    this.era?.close();
    await engine.close();
    this.setState('closed');
  }

  /** Lists every tool, following pagination; `ttlMs` is the smallest cache hint of the pages, when the server gave one. */
  async listTools(options?: CallOptions): Promise<ListToolsResult & { ttlMs?: number }> {
    const { items: tools, ttlMs } = await collectPages(
      (cursor) => this.fetchToolsPage(cursor, options, false),
      (page) => page.tools,
      this.maxPages,
      this.where('tools/list'),
    );
    this.outputSchemas.remember(tools, true);
    return withTtl({ tools }, ttlMs);
  }

  /** Fetches one page of tools: a first page replaces the output schemas remembered for `callTool`, a later one adds to them. */
  listToolsPage(cursor?: string, options?: CallOptions): Promise<ListToolsResult> {
    return this.fetchToolsPage(cursor, options, cursor === undefined);
  }

  private async fetchToolsPage(
    cursor: string | undefined,
    options: CallOptions | undefined,
    replaceSchemas: boolean,
  ): Promise<ListToolsResult> {
    const page = await this.typedRequest('tools/list', cursorParams(cursor), (s) => s.ListToolsResultSchema, options);
    this.outputSchemas.remember(page.tools, replaceSchemas);
    return page;
  }

  /**
   * Calls a tool. When the tool declared an `outputSchema` in the last `listTools`, a
   * successful result's `structuredContent` is checked against it.
   */
  async callTool(name: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    const params = args === undefined ? { name } : { name, arguments: args };
    let result: CallToolResult;
    try {
      result = await this.typedRequest('tools/call', params, (s) => s.CallToolResultSchema, options);
    } catch (error) {
      // The request was built from a stale tool definition: refresh the list and retry once, as the spec advises.
      if (this.era?.staleTools(error) !== true) throw error;
      await this.listTools(options).catch(() => {
        throw error;
      });
      result = await this.typedRequest('tools/call', params, (s) => s.CallToolResultSchema, options);
    }
    await this.outputSchemas.check(name, result, this.options);
    return result;
  }

  /** Lists every resource, following pagination; `ttlMs` as for `listTools`. */
  async listResources(options?: CallOptions): Promise<{ resources: Resource[]; ttlMs?: number }> {
    const { items, ttlMs } = await collectPages(
      (cursor) => this.listResourcesPage(cursor, options),
      (page) => page.resources,
      this.maxPages,
      this.where('resources/list'),
    );
    return withTtl({ resources: items }, ttlMs);
  }

  /** Fetches one page of resources. */
  listResourcesPage(cursor?: string, options?: CallOptions): Promise<ListResourcesResult> {
    return this.typedRequest('resources/list', cursorParams(cursor), (s) => s.ListResourcesResultSchema, options);
  }

  /** Lists every resource template, following pagination. */
  async listResourceTemplates(options?: CallOptions): Promise<{ resourceTemplates: ResourceTemplate[]; ttlMs?: number }> {
    const { items, ttlMs } = await collectPages(
      (cursor) => this.listResourceTemplatesPage(cursor, options),
      (page) => page.resourceTemplates,
      this.maxPages,
      this.where('resources/templates/list'),
    );
    return withTtl({ resourceTemplates: items }, ttlMs);
  }

  /** Fetches one page of resource templates. */
  listResourceTemplatesPage(cursor?: string, options?: CallOptions): Promise<ListResourceTemplatesResult> {
    return this.typedRequest('resources/templates/list', cursorParams(cursor), (s) => s.ListResourceTemplatesResultSchema, options);
  }

  /** Reads one resource. */
  readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return this.typedRequest('resources/read', { uri }, (s) => s.ReadResourceResultSchema, options);
  }

  /** Asks for `notifications/resources/updated` when the resource changes. */
  subscribeResource(uri: string, options?: CallOptions): Promise<void> {
    return this.active('resources/subscribe', (era) => era.subscribe({ resourceSubscriptions: [uri] }, options));
  }

  /** Stops the updates of `subscribeResource`. */
  unsubscribeResource(uri: string, options?: CallOptions): Promise<void> {
    return this.active('resources/unsubscribe', (era) => era.unsubscribe({ resourceSubscriptions: [uri] }, options));
  }

  /** Lists every prompt, following pagination; `ttlMs` as for `listTools`. */
  async listPrompts(options?: CallOptions): Promise<{ prompts: Prompt[]; ttlMs?: number }> {
    const { items, ttlMs } = await collectPages(
      (cursor) => this.listPromptsPage(cursor, options),
      (page) => page.prompts,
      this.maxPages,
      this.where('prompts/list'),
    );
    return withTtl({ prompts: items }, ttlMs);
  }

  /** Fetches one page of prompts. */
  listPromptsPage(cursor?: string, options?: CallOptions): Promise<ListPromptsResult> {
    return this.typedRequest('prompts/list', cursorParams(cursor), (s) => s.ListPromptsResultSchema, options);
  }

  /** Gets a prompt, filled with `args`. */
  getPrompt(name: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    return this.typedRequest(
      'prompts/get',
      args === undefined ? { name } : { name, arguments: args },
      (s) => s.GetPromptResultSchema,
      options,
    );
  }

  /** Asks for completions of a prompt or resource-template argument. */
  complete(params: CompleteRequestParams, options?: CallOptions): Promise<CompleteResult> {
    return this.typedRequest('completion/complete', params, (s) => s.CompleteResultSchema, options);
  }

  /** Sets the minimum level of log messages the server sends (on a 2026-07-28 server, in the `_meta` of every later request). */
  setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    return this.active('logging/setLevel', (era) => era.setLoggingLevel(level, options));
  }

  /** Checks the server answers: `ping`, or `server/discover` on a 2026-07-28 server, which has no ping. */
  ping(options?: CallOptions): Promise<void> {
    return this.active('ping', (era) => era.ping(options));
  }

  /**
   * Subscribes to server notifications. On a 2026-07-28 server this keeps one
   * `subscriptions/listen` stream open for everything subscribed (resolving once the server
   * acknowledged it); on a legacy server list changes always arrive and resources use
   * `resources/subscribe`.
   */
  subscribe(filter: NotificationFilter): Promise<void> {
    return this.active({ operation: 'subscribing' }, (era) => era.subscribe(filter));
  }

  /** Undoes `subscribe`. */
  unsubscribe(filter: NotificationFilter): Promise<void> {
    return this.active({ operation: 'unsubscribing' }, (era) => era.unsubscribe(filter));
  }

  /** Tells the server the roots changed (needs the `roots` handler). */
  async sendRootsListChanged(): Promise<void> {
    await this.connected('notifications/roots/list_changed').notify('notifications/roots/list_changed');
  }

  /** Sends any request and resolves with its raw result; the capability check still applies. */
  request(method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.active(method, (era) => era.send(method, params, options));
  }

  /** Sends any notification. */
  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.connected(method).notify(method, params);
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

  private typedRequest<T>(
    method: string,
    params: Record<string, unknown> | undefined,
    schema: SchemaPick<T>,
    options?: CallOptions,
  ): Promise<T> {
    return this.active(method, (era) => era.call(method, params, schema, options));
  }

  /** Runs `work` with the session of the connection; rejects when there is none (never connected, or closed). */
  private active<T>(what: string | { operation: string }, work: (era: EraSession) => Promise<T>): Promise<T> {
    const session = this.era;
    if (session === undefined || this.currentState !== 'connected') return Promise.reject(this.notConnected(what));
    return work(session);
  }

  /** What every request of a session goes through: the client's state and capability checks, then its request pipeline. */
  private send(
    method: string,
    params: Record<string, unknown> | undefined,
    options: CallOptions,
    seal: Seal | undefined,
  ): Promise<Record<string, unknown>> {
    let engine: JsonRpcEngine;
    try {
      engine = this.connected(method);
      this.checkCapability(method);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.pipeline.send(engine, method, params, options, seal);
  }

  private checkCapability(method: string): void {
    const session = this.era?.info;
    if (this.options.strictCapabilities === false || session === undefined) return;
    const missing = missingServerCapability(method, session, this.extensions.extensionOf(method));
    if (missing !== undefined) throw new CapabilityError(missing, this.where(method));
  }

  private connected(method: string): JsonRpcEngine {
    if (this.currentState === 'connected' && this.engine !== undefined) return this.engine;
    throw this.notConnected(method);
  }

  private notConnected(what: string | { operation: string }): ConnectionClosedError {
    const hint =
      this.currentState === 'idle' || this.currentState === 'connecting'
        ? 'call connect() first and wait for it'
        : 'the client is closed; connect again';
    const where = typeof what === 'string' ? this.where(what) : { server: this.options.server, ...what };
    return new ConnectionClosedError(`not connected (${this.currentState}): ${hint}`, where);
  }

  private createEngine(transport: Transport, watch: OutputWatch): JsonRpcEngine {
    const { options, emitter, stats, outputSchemas } = this;
    const closed = (engine: JsonRpcEngine, reason: Error | undefined): void => {
      // While connecting, the handshake reports the failure (or opens a new connection).
      if (this.engine === engine && this.currentState === 'connected') this.setState('closed', reason);
    };
    const completions = this.parts.elicitations;
    return createClientEngine(transport, watch, { options, emitter, stats, outputSchemas, completions, session: () => this.era, closed });
  }

  private setState(to: ClientState, reason?: Error): void {
    const from = this.currentState;
    if (from === to) return;
    this.currentState = to;
    this.emitter.emit('state', { from, to, reason });
  }

  private clientCapabilities(): ClientCapabilities {
    const { sampling, samplingTools, elicitation, urlElicitation, roots } = this.options;
    const handlers = {
      sampling: !!sampling,
      samplingTools: !!sampling && samplingTools === true,
      elicitation: !!elicitation,
      urlElicitation: !!urlElicitation,
      roots: !!roots,
    };
    return deriveClientCapabilities(handlers, this.options.capabilities, this.extensions.capabilities());
  }

  private where(method: string): { server: string | undefined; method: string } {
    return { server: this.options.server, method };
  }

  private get maxPages(): number {
    return this.options.maxPages ?? DEFAULT_MAX_PAGES;
  }
}
