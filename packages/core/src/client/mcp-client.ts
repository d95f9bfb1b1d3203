import type { ZodType } from 'zod';
import { CapabilityError } from '../errors/capability-error.js';
import { ConfigError } from '../errors/config-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { JsonRpcEngine, DEFAULT_REQUEST_TIMEOUT, type RequestOptions } from '../jsonrpc/engine.js';
import { deriveClientCapabilities, hasCapability, requiredServerCapability } from '../legacy/capabilities.js';
import { initializeLegacy } from '../legacy/lifecycle.js';
import type { ServerSession } from '../session.js';
import type { Transport } from '../transport.js';
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
import { ClientEvents, type ClientEvent, type ClientEventMap, type ClientState } from './events.js';
import { installInboundHandlers } from './inbound-handlers.js';
import { Metrics, type MetricsSnapshot } from './metrics.js';
import type { ConnectOptions, McpClientOptions } from './options.js';
import { OutputSchemaValidator } from './output-schema.js';
import { collectPages, DEFAULT_MAX_PAGES } from './pagination.js';
import { loadSchemas, type Schemas } from './schema-loader.js';
import { FAST_RESULT_GUARDS } from '../validation/fast-results.js';

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
  private readonly outputSchemas = new OutputSchemaValidator();
  private engine: JsonRpcEngine | undefined;
  private serverSession: ServerSession | undefined;
  private currentState: ClientState = 'idle';

  constructor(options: McpClientOptions = {}) {
    this.options = options;
  }

  /** The current lifecycle state. */
  get state(): ClientState {
    return this.currentState;
  }

  /** What the handshake learned about the server; undefined before `connect`. */
  get session(): ServerSession | undefined {
    return this.serverSession;
  }

  /** The server's name and version, once connected. */
  get serverInfo(): Implementation | undefined {
    return this.serverSession?.serverInfo;
  }

  /** The server's capabilities, once connected. */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.serverSession?.capabilities;
  }

  /** The negotiated protocol revision, once connected. */
  get protocolVersion(): string | undefined {
    return this.serverSession?.protocolVersion;
  }

  /** The server's usage instructions, if it gave any. */
  get instructions(): string | undefined {
    return this.serverSession?.instructions;
  }

  /**
   * Starts `transport` and performs the handshake. Rejects, and closes the transport,
   * when the server cannot be reached or speaks no supported revision.
   */
  async connect(transport: Transport, options: ConnectOptions = {}): Promise<ServerSession> {
    if (this.currentState !== 'idle' && this.currentState !== 'closed') {
      throw new ConfigError(`connect() called while the client is ${this.currentState}; close it first`, { server: this.options.server });
    }
    this.setState('connecting');
    const engine = this.createEngine(transport);
    this.engine = engine;
    try {
      await transport.start();
      this.serverSession = await initializeLegacy(
        engine,
        transport,
        {
          clientInfo: this.clientInfo(),
          capabilities: deriveClientCapabilities(
            { sampling: !!this.options.sampling, elicitation: !!this.options.elicitation, roots: !!this.options.roots },
            this.options.capabilities,
          ),
          protocolVersion: this.options.protocolVersion,
          server: this.options.server,
        },
        { signal: options.signal, timeout: options.timeout ?? this.options.requestTimeout },
      );
    } catch (error) {
      this.setState('closed', error instanceof Error ? error : undefined);
      await engine.close().catch(() => undefined);
      throw error;
    }
    this.stats.started();
    this.setState('connected');
    return this.serverSession;
  }

  /** Closes the connection; pending requests reject with `ConnectionClosedError`. */
  async close(): Promise<void> {
    const engine = this.engine;
    if (engine === undefined || this.currentState === 'closed') return;
    this.setState('closing');
    await engine.close();
    this.setState('closed');
  }

  /** Lists every tool, following pagination. */
  async listTools(options?: RequestOptions): Promise<ListToolsResult> {
    const tools = await collectPages((cursor) => this.listToolsPage(cursor, options, false), (page) => page.tools, this.maxPages, this.where('tools/list'));
    this.outputSchemas.remember(tools, true);
    return { tools };
  }

  /** Fetches one page of tools. */
  async listToolsPage(cursor?: string, options?: RequestOptions, replaceSchemas = cursor === undefined): Promise<ListToolsResult> {
    const page = await this.typedRequest('tools/list', cursorParams(cursor), (s) => s.ListToolsResultSchema, options);
    this.outputSchemas.remember(page.tools, replaceSchemas);
    return page;
  }

  /**
   * Calls a tool. When the tool declared an `outputSchema` in the last `listTools`, a
   * successful result's `structuredContent` is checked against it.
   */
  async callTool(name: string, args?: Record<string, unknown>, options?: RequestOptions): Promise<CallToolResult> {
    const result = await this.typedRequest('tools/call', args === undefined ? { name } : { name, arguments: args }, (s) => s.CallToolResultSchema, options);
    await this.outputSchemas.check(name, result, this.options);
    return result;
  }

  /** Lists every resource, following pagination. */
  async listResources(options?: RequestOptions): Promise<{ resources: Resource[] }> {
    return { resources: await collectPages((cursor) => this.listResourcesPage(cursor, options), (page) => page.resources, this.maxPages, this.where('resources/list')) };
  }

  /** Fetches one page of resources. */
  listResourcesPage(cursor?: string, options?: RequestOptions): Promise<ListResourcesResult> {
    return this.typedRequest('resources/list', cursorParams(cursor), (s) => s.ListResourcesResultSchema, options);
  }

  /** Lists every resource template, following pagination. */
  async listResourceTemplates(options?: RequestOptions): Promise<{ resourceTemplates: ResourceTemplate[] }> {
    return {
      resourceTemplates: await collectPages(
        (cursor) => this.listResourceTemplatesPage(cursor, options),
        (page) => page.resourceTemplates,
        this.maxPages,
        this.where('resources/templates/list'),
      ),
    };
  }

  /** Fetches one page of resource templates. */
  listResourceTemplatesPage(cursor?: string, options?: RequestOptions): Promise<ListResourceTemplatesResult> {
    return this.typedRequest('resources/templates/list', cursorParams(cursor), (s) => s.ListResourceTemplatesResultSchema, options);
  }

  /** Reads one resource. */
  readResource(uri: string, options?: RequestOptions): Promise<ReadResourceResult> {
    return this.typedRequest('resources/read', { uri }, (s) => s.ReadResourceResultSchema, options);
  }

  /** Asks for `notifications/resources/updated` when the resource changes. */
  async subscribeResource(uri: string, options?: RequestOptions): Promise<void> {
    await this.typedRequest('resources/subscribe', { uri }, (s) => s.EmptyResultSchema, options);
  }

  /** Stops the updates of `subscribeResource`. */
  async unsubscribeResource(uri: string, options?: RequestOptions): Promise<void> {
    await this.typedRequest('resources/unsubscribe', { uri }, (s) => s.EmptyResultSchema, options);
  }

  /** Lists every prompt, following pagination. */
  async listPrompts(options?: RequestOptions): Promise<{ prompts: Prompt[] }> {
    return { prompts: await collectPages((cursor) => this.listPromptsPage(cursor, options), (page) => page.prompts, this.maxPages, this.where('prompts/list')) };
  }

  /** Fetches one page of prompts. */
  listPromptsPage(cursor?: string, options?: RequestOptions): Promise<ListPromptsResult> {
    return this.typedRequest('prompts/list', cursorParams(cursor), (s) => s.ListPromptsResultSchema, options);
  }

  /** Gets a prompt, filled with `args`. */
  getPrompt(name: string, args?: Record<string, string>, options?: RequestOptions): Promise<GetPromptResult> {
    return this.typedRequest('prompts/get', args === undefined ? { name } : { name, arguments: args }, (s) => s.GetPromptResultSchema, options);
  }

  /** Asks for completions of a prompt or resource-template argument. */
  complete(params: CompleteRequestParams, options?: RequestOptions): Promise<CompleteResult> {
    return this.typedRequest('completion/complete', params as Record<string, unknown>, (s) => s.CompleteResultSchema, options);
  }

  /** Sets the minimum level of log messages the server sends. */
  async setLoggingLevel(level: LoggingLevel, options?: RequestOptions): Promise<void> {
    await this.typedRequest('logging/setLevel', { level }, (s) => s.EmptyResultSchema, options);
  }

  /** Checks the server answers. */
  async ping(options?: RequestOptions): Promise<void> {
    await this.typedRequest('ping', undefined, (s) => s.EmptyResultSchema, options);
  }

  /** Tells the server the roots changed (needs the `roots` handler). */
  async sendRootsListChanged(): Promise<void> {
    await this.connected('notifications/roots/list_changed').notify('notifications/roots/list_changed');
  }

  /** Sends any request and resolves with its raw result; the capability check still applies. */
  request(method: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.send(method, params, options);
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

  private async typedRequest<T>(
    method: string,
    params: Record<string, unknown> | undefined,
    schema: (schemas: Schemas) => ZodType<T>,
    options?: RequestOptions,
  ): Promise<T> {
    const raw = await this.send(method, params, options);
    if (FAST_RESULT_GUARDS[method]?.(raw)) return raw as T;
    const parsed = schema(await loadSchemas()).safeParse(raw);
    if (parsed.success) return parsed.data;
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new InvalidResponseError(`the server's result does not match the ${method} result schema: ${detail}`, this.where(method));
  }

  private send(method: string, params: Record<string, unknown> | undefined, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    let engine: JsonRpcEngine;
    try {
      engine = this.connected(method);
      this.checkCapability(method);
    } catch (error) {
      return Promise.reject(error);
    }
    return engine.request(method, params, this.withDefaults(options));
  }

  private withDefaults(options: RequestOptions): RequestOptions {
    if (this.options.maxTotalTimeout === undefined || options.maxTotalTimeout !== undefined) return options;
    return { ...options, maxTotalTimeout: this.options.maxTotalTimeout };
  }

  private checkCapability(method: string): void {
    const session = this.serverSession;
    if (this.options.strictCapabilities === false || session === undefined) return;
    const needed = requiredServerCapability(method, session.protocolVersion);
    if (needed !== undefined && !hasCapability(session.capabilities, needed)) throw new CapabilityError(needed, this.where(method));
  }

  private connected(method: string): JsonRpcEngine {
    if (this.currentState === 'connected' && this.engine !== undefined) return this.engine;
    const hint = this.currentState === 'idle' || this.currentState === 'connecting' ? 'call connect() first and wait for it' : 'the client is closed; connect again';
    throw new ConnectionClosedError(`not connected (${this.currentState}): ${hint}`, this.where(method));
  }

  private createEngine(transport: Transport): JsonRpcEngine {
    const engine = new JsonRpcEngine(transport, {
      server: this.options.server,
      timeout: this.options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT,
      observer: {
        requestSent: (method, id) => {
          if (this.emitter.has('request')) this.emitter.emit('request', { method, id });
        },
        requestSettled: (method, id, durationMs, error) => {
          this.stats.record(method, durationMs, error === undefined);
          if (this.emitter.has('response')) this.emitter.emit('response', { method, id, durationMs, error });
        },
      },
      onerror: (error) => this.emitter.emit('error', { error }),
      onclose: (reason) => {
        if (this.engine === engine && this.currentState !== 'closing' && this.currentState !== 'closed') this.setState('closed', reason);
      },
    });
    transport.ondiagnostic = (event) => this.emitter.emit('diagnostic', event);
    engine.onNotification('*', (params, method) => {
      if (method === 'notifications/tools/list_changed') this.outputSchemas.remember([], true);
      this.emitter.emit('notification', { method, params });
    });
    installInboundHandlers(engine, this.options);
    return engine;
  }

  private setState(to: ClientState, reason?: Error): void {
    const from = this.currentState;
    if (from === to) return;
    this.currentState = to;
    this.emitter.emit('state', { from, to, reason });
  }

  private clientInfo(): Implementation {
    const info: Record<string, unknown> = { name: this.options.name ?? 'mcpx', version: this.options.version ?? VERSION };
    if (this.options.title !== undefined) info.title = this.options.title;
    return info as Implementation;
  }

  private where(method: string): { server: string | undefined; method: string } {
    return { server: this.options.server, method };
  }

  private get maxPages(): number {
    return this.options.maxPages ?? DEFAULT_MAX_PAGES;
  }
}

function cursorParams(cursor: string | undefined): Record<string, unknown> | undefined {
  return cursor === undefined ? undefined : { cursor };
}
