import {
  ConfigError,
  type CallOptions,
  type CallToolResult,
  type ClientTasks,
  type GetPromptResult,
  type McpClient,
  type ReadResourceResult,
} from '@mcpx/core';
import { checkOptions, type OptionKeys } from '@mcpx/core/internal';
import { CatalogCache, DEFAULT_CATALOG_TTL_MS, type PromptCatalog, type ResourceCatalog, type ToolCatalog } from './catalog.js';
import { delay, systemClock, type Clock } from './clock.js';
import { connectEvery, type ConnectReport } from './connect-all.js';
import { RegistryClosedError } from './errors/registry-closed-error.js';
import { ServerNotFoundError } from './errors/server-not-found-error.js';
import { RegistryEvents, type RegistryEvent, type RegistryEventMap } from './events.js';
import { InFlight } from './in-flight.js';
import { ManagedServer } from './managed-server.js';
import type { ConnectOutcome, RegisteredServer } from './server-view.js';
import { defaultNaming } from './naming.js';
import {
  checkRegistryOptions,
  resolveServerRegistration,
  type McpRegistryOptions,
  type ServerRegistration,
  type ServerPolicies,
} from './options.js';
import { RegistryCatalog, type ListOptions } from './registry-catalog.js';
import { isUp } from './server-state.js';
import { serverTasks } from './server-tasks.js';
import { CLOSE_OPTION_KEYS, DEFAULT_CLOSE_DEADLINE_MS, drain, writeSnapshot, type CloseOptions, type CloseReport } from './shutdown.js';
import { summarize, type RegistrySnapshot, type ServerStats } from './stats.js';

const LIST_FILTER_KEYS = { tag: true } as const satisfies OptionKeys<NonNullable<Parameters<McpRegistry['list']>[0]>>;

/**
 * Many MCP servers at once: their lifecycle and state, health checks, reconnection with
 * backoff, circuit breakers, statistics, and one catalog of their tools, resources and
 * prompts with calls routed by qualified name. It never builds transports or clients: each
 * server comes with a `connect()` function that does.
 * @example
 * const registry = new McpRegistry();
 * registry.register({
 *   name: 'everything',
 *   connect: async (signal) => {
 *     const client = new McpClient({ server: 'everything' });
 *     await client.connect(new StdioTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] }), { signal });
 *     return client;
 *   },
 * });
 * await registry.connectAll();
 * const { tools } = await registry.listTools(); // everything__echo, ...
 * await registry.callTool('everything__echo', { message: 'hi' });
 * await registry.close();
 */
export class McpRegistry {
  private readonly servers = new Map<string, ManagedServer>();
  private readonly events = new RegistryEvents();
  private readonly clock: Clock;
  private readonly connectTimeoutSetting: string | undefined;
  private readonly cache: CatalogCache;
  private readonly catalog: RegistryCatalog;
  private readonly defaults: ServerPolicies;
  private readonly inFlight = new InFlight();
  private closing: Promise<CloseReport> | undefined;
  /** Servers registered so far, unregistered ones included: the next one's registration order. */
  private registered = 0;
  private readonly onClosed: (() => void | Promise<void>) | undefined;

  constructor(options: McpRegistryOptions = {}) {
    checkRegistryOptions(options);
    this.clock = options.clock ?? systemClock;
    this.defaults = options.defaults ?? {};
    this.connectTimeoutSetting = options.settingNames?.connectTimeoutMs;
    this.onClosed = options.onClosed;
    const ttl = options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS;
    if (!(ttl >= 0)) throw new ConfigError(`McpRegistry: "catalogTtlMs" must be zero or more, got ${String(ttl)}`);
    this.cache = new CatalogCache(
      ttl,
      () => this.clock.now(),
      (server, kind) => this.catalog.listChanged(server, kind),
    );
    this.catalog = new RegistryCatalog({
      servers: this.servers,
      cache: this.cache,
      naming: options.naming ?? defaultNaming,
      assertOpen: () => this.assertOpen(),
      route: (server, method, operation, callOptions) => this.route(server, method, operation, callOptions),
    });
  }

  /** Adds a server, `disconnected` (or `disabled`); nothing connects before `connect()`, `connectAll()` or `enable()`. */
  register(config: ServerRegistration): RegisteredServer {
    this.assertOpen();
    const resolved = resolveServerRegistration(config, this.defaults);
    if (this.servers.has(resolved.name)) {
      throw new ConfigError('a server of this name is already registered; unregister() it first or choose another name', {
        server: resolved.name,
      });
    }
    const server = new ManagedServer(resolved, {
      clock: this.clock,
      events: this.events,
      catalog: this.cache,
      connectTimeoutSetting: this.connectTimeoutSetting,
      order: this.registered++,
    });
    this.servers.set(resolved.name, server);
    this.catalog.serverAdded(server);
    return server.view;
  }

  /** Removes a server: closes its connection (calls in flight on it are rejected) and forgets its catalog entries. */
  async unregister(name: string): Promise<void> {
    const server = this.server(name);
    this.servers.delete(name);
    this.catalog.serverRemoved(server);
    // Forget its lists before waiting for it to end: a server registered under the same name
    // meanwhile must neither route by the old lists nor lose its own when this one has ended.
    this.cache.forget(name);
    await server.end(Promise.resolve());
  }

  /** The server of that name, or undefined. */
  get(name: string): RegisteredServer | undefined {
    return this.servers.get(name)?.view;
  }

  /** Every server, in registration order; with `tag`, only those carrying it. */
  list(filter: { tag?: string | undefined } = {}): RegisteredServer[] {
    checkOptions(filter, LIST_FILTER_KEYS, { where: 'McpRegistry.list(filter)' });
    const all = [...this.servers.values()];
    const { tag } = filter;
    return (tag === undefined ? all : all.filter((server) => server.config.tags.includes(tag))).map((server) => server.view);
  }

  /** The servers that take calls now: `connected` or `degraded`. */
  connected(): RegisteredServer[] {
    return [...this.servers.values()].filter((server) => isUp(server.state)).map((server) => server.view);
  }

  /**
   * Connects one server and resolves with the outcome, failed or not: a failed attempt leaves
   * it `reconnecting` in the background, or `failed` when retrying cannot help.
   */
  connect(name: string): Promise<ConnectOutcome> {
    try {
      this.assertOpen();
      return this.server(name).connect();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Connects every enabled server in parallel, each within its own timeout; resolves with every outcome and never rejects because a server failed. */
  async connectAll(): Promise<ConnectReport> {
    this.assertOpen();
    return connectEvery([...this.servers.values()]);
  }

  /** Switches a server on and connects it. */
  enable(name: string): Promise<ConnectOutcome> {
    try {
      this.assertOpen();
      return this.server(name).enable();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Switches a server off: no calls, checks or reconnections; resolves once its connection is closed. */
  async disable(name: string): Promise<void> {
    this.assertOpen();
    await this.server(name).disable();
  }

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof RegistryEventMap>(type: K, listener: (event: RegistryEventMap[K]) => void): () => void {
    return this.events.on(type, listener);
  }

  /** Every event from now on as an async iterator, until `signal` aborts or the loop breaks. */
  observe(signal?: AbortSignal): AsyncGenerator<RegistryEvent> {
    return this.events.stream(signal);
  }

  /** One server's statistics. */
  stats(name: string): ServerStats {
    return this.server(name).statistics();
  }

  /** Every server's state and statistics, with registry-wide totals; JSON-ready. */
  snapshot(): RegistrySnapshot {
    return summarize(
      [...this.servers.values()].map((server) => server.statistics()),
      this.clock.now(),
    );
  }

  /** The tools of every server that is up, under qualified names; a server that cannot answer is listed in `failures`. */
  listTools(options: ListOptions = {}): Promise<ToolCatalog> {
    return this.catalog.listTools(options);
  }

  /** The prompts of every server that is up, under qualified names. */
  listPrompts(options: ListOptions = {}): Promise<PromptCatalog> {
    return this.catalog.listPrompts(options);
  }

  /** The resources of every server that is up, with the server each comes from. */
  listResources(options: ListOptions = {}): Promise<ResourceCatalog> {
    return this.catalog.listResources(options);
  }

  /**
   * Calls a tool by its qualified name on the server offering it. Refused at once with a typed
   * error when that server is not up or its breaker is open; a call whose connection drops
   * is rejected and never replayed.
   */
  callTool(qualifiedName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    return this.catalog.callTool(qualifiedName, args, options);
  }

  /** Gets a prompt by its qualified name from the server offering it. */
  getPrompt(qualifiedName: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    return this.catalog.getPrompt(qualifiedName, args, options);
  }

  /** Reads a resource from the named server. */
  readResource(server: string, uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return this.using(server, 'resources/read', (client, callOptions) => client.readResource(uri, callOptions), options);
  }

  /**
   * The tasks of the named server (reattach by identifier, list, cancel), as `client.tasks` gives
   * them but bound to the server rather than one connection: the object, and each handle its `get`
   * gives, keep working across the server's reconnects.
   */
  tasks(server: string): ClientTasks {
    return serverTasks((method, request) => this.using(server, method, request));
  }

  /** Sends any request to the named server, with the same checks, breaker and statistics as routed calls. */
  request(server: string, method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.using(server, method, (client, callOptions) => client.request(method, params, callOptions), options);
  }

  /**
   * Shuts down: refuses new calls, lets calls in flight finish until `deadlineMs`, closes
   * every connection, and resolves once they are all closed (for stdio servers, once every
   * process is gone). Writes the final snapshot to `snapshotPath` when given, and rejects,
   * with everything closed, if it cannot. Then runs the `onClosed` option. Calling it again
   * returns the same promise.
   */
  close(options: CloseOptions = {}): Promise<CloseReport> {
    const deadlineMs = options.deadlineMs ?? DEFAULT_CLOSE_DEADLINE_MS;
    if (this.closing === undefined) {
      try {
        checkOptions(options, CLOSE_OPTION_KEYS, { where: 'McpRegistry.close(options)' });
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.closing === undefined && !(deadlineMs >= 0)) {
      return Promise.reject(new ConfigError(`close(): "deadlineMs" must be zero or more, got ${String(deadlineMs)}`));
    }
    this.closing ??= this.shutdown(deadlineMs, options.snapshotPath);
    return this.closing;
  }

  private async shutdown(deadlineMs: number, snapshotPath: string | undefined): Promise<CloseReport> {
    const servers = [...this.servers.values()];
    const timer = new AbortController();
    const deadline = delay(this.clock, deadlineMs, timer.signal).then(() => undefined);
    for (const server of servers) server.pause();
    const drained = await drain(this.inFlight, deadlineMs, this.clock);
    const interrupted = this.inFlight.size;
    await Promise.all(servers.map((server) => server.end(deadline)));
    timer.abort();
    const snapshot = this.snapshot();
    try {
      if (snapshotPath !== undefined) await writeSnapshot(snapshotPath, snapshot);
    } finally {
      await this.onClosed?.();
    }
    return { drained, interrupted, snapshot };
  }

  private using<T>(
    name: string,
    method: string,
    operation: (client: McpClient, options: CallOptions) => Promise<T>,
    options?: CallOptions,
  ): Promise<T> {
    try {
      this.assertOpen();
      return this.route(this.server(name), method, operation, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private route<T>(
    server: ManagedServer,
    method: string,
    operation: (client: McpClient, options: CallOptions) => Promise<T>,
    options?: CallOptions,
  ): Promise<T> {
    if (this.closing !== undefined) {
      server.rejected();
      return Promise.reject(new RegistryClosedError({ server: server.name, method }));
    }
    return this.inFlight.track(() => server.call(method, operation, options));
  }

  private server(name: string): ManagedServer {
    const server = this.servers.get(name);
    if (server === undefined) throw new ServerNotFoundError(name, [...this.servers.keys()]);
    return server;
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new RegistryClosedError();
  }
}
