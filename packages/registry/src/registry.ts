import {
  ConfigError,
  type CallOptions,
  type CallToolResult,
  type GetPromptResult,
  type McpClient,
  type ReadResourceResult,
} from '@mcpx/core';
import { checkOptions, type OptionKeys } from '@mcpx/core/internal';
import {
  CatalogCache,
  DEFAULT_CATALOG_TTL_MS,
  fetchList,
  type CatalogFailure,
  type CatalogItems,
  type CatalogKind,
  type PromptCatalog,
  type ResourceCatalog,
  type ToolCatalog,
} from './catalog.js';
import { delay, systemClock, type Clock } from './clock.js';
import { NotInCatalogError } from './errors/not-in-catalog-error.js';
import { RegistryClosedError } from './errors/registry-closed-error.js';
import { ServerNotFoundError } from './errors/server-not-found-error.js';
import { RegistryEvents, type RegistryEvent, type RegistryEventMap } from './events.js';
import { InFlight } from './in-flight.js';
import { ManagedServer } from './managed-server.js';
import type { ConnectOutcome, RegisteredServer } from './server-view.js';
import { defaultNaming, qualifyAll, type NamingPolicy } from './naming.js';
import { checkRegistryOptions, resolveServerRegistration, type McpRegistryOptions, type ServerRegistration, type ServerPolicies } from './options.js';
import { isUp, type ServerState } from './server-state.js';
import { CLOSE_OPTION_KEYS, DEFAULT_CLOSE_DEADLINE_MS, drain, writeSnapshot, type CloseOptions, type CloseReport } from './shutdown.js';
import { summarize, type RegistrySnapshot, type ServerStats } from './stats.js';

/** What `connectAll()` did, server by server. */
export interface ConnectReport {
  /** One outcome per enabled server, in registration order. */
  outcomes: ConnectOutcome[];
  /** Servers up after the attempt (connected or degraded). */
  connected: string[];
  /** Servers whose attempt failed: they are `reconnecting` in the background, or `failed`. */
  failed: string[];
  /** Disabled servers, left alone. */
  disabled: string[];
}

/** Options of the catalog lists. */
export interface ListOptions {
  /** Fetch every list again, fresh or not. @default false */
  refresh?: boolean | undefined;
}

const LIST_OPTION_KEYS = { refresh: true } as const satisfies OptionKeys<ListOptions>;
const LIST_FILTER_KEYS = { tag: true } as const satisfies OptionKeys<NonNullable<Parameters<McpRegistry['list']>[0]>>;

/** A tool or prompt found by its qualified name. */
interface Route {
  server: ManagedServer;
  name: string;
}

type Named = 'tools' | 'prompts';

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
  private readonly naming: NamingPolicy;
  private readonly catalog: CatalogCache;
  private readonly defaults: ServerPolicies;
  private readonly inFlight = new InFlight();
  private readonly indexes = new Map<Named, { version: string; routes: Map<string, Route> }>();
  private membership = 0;
  private closing: Promise<CloseReport> | undefined;

  constructor(options: McpRegistryOptions = {}) {
    checkRegistryOptions(options);
    this.clock = options.clock ?? systemClock;
    this.naming = options.naming ?? defaultNaming;
    this.defaults = options.defaults ?? {};
    this.connectTimeoutSetting = options.settingNames?.connectTimeoutMs;
    const ttl = options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS;
    if (!(ttl >= 0)) throw new ConfigError(`McpRegistry: "catalogTtlMs" must be zero or more, got ${String(ttl)}`);
    this.catalog = new CatalogCache(ttl, () => this.clock.now());
  }

  /** Adds a server, `disconnected` (or `disabled`); nothing connects before `connect()`, `connectAll()` or `enable()`. */
  register(config: ServerRegistration): RegisteredServer {
    this.assertOpen();
    const resolved = resolveServerRegistration(config, this.defaults);
    if (this.servers.has(resolved.name)) {
      throw new ConfigError('a server of this name is already registered; unregister() it first or choose another name', { server: resolved.name });
    }
    const server = new ManagedServer(resolved, { clock: this.clock, events: this.events, catalog: this.catalog, connectTimeoutSetting: this.connectTimeoutSetting });
    this.servers.set(resolved.name, server);
    this.membership++;
    return server.view;
  }

  /** Removes a server: closes its connection (calls in flight on it are rejected) and forgets its catalog entries. */
  async unregister(name: string): Promise<void> {
    const server = this.server(name);
    this.servers.delete(name);
    this.membership++;
    await server.end(Promise.resolve());
    this.catalog.forget(name);
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
    const servers = [...this.servers.values()];
    const disabled = servers.filter((server) => !server.isEnabled).map((server) => server.name);
    const outcomes = await Promise.all(
      servers
        .filter((server) => server.isEnabled)
        .map((server) =>
          server.connect().catch(
            (error: unknown): ConnectOutcome => ({
              server: server.name,
              ok: false,
              state: server.state,
              durationMs: 0,
              error: error instanceof Error ? error : new Error(String(error)),
            }),
          ),
        ),
    );
    return {
      outcomes,
      connected: outcomes.filter((outcome) => isUp(outcome.state)).map((outcome) => outcome.server),
      failed: outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.server),
      disabled,
    };
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
  async listTools(options: ListOptions = {}): Promise<ToolCatalog> {
    const { lists, failures } = await this.gather('tools', options);
    const { index, collisions } = qualifyAll(
      lists.flatMap(({ server, items }) => items.map((tool) => ({ server: server.name, prefix: server.config.toolPrefix, name: tool.name, tool, autoApproved: server.config.autoApprove.has(tool.name) }))),
      this.naming,
    );
    return { tools: [...index].map(([name, { server, name: originalName, tool, autoApproved }]) => ({ name, server, originalName, tool, autoApproved })), collisions, failures };
  }

  /** The prompts of every server that is up, under qualified names. */
  async listPrompts(options: ListOptions = {}): Promise<PromptCatalog> {
    const { lists, failures } = await this.gather('prompts', options);
    const { index, collisions } = qualifyAll(
      lists.flatMap(({ server, items }) => items.map((prompt) => ({ server: server.name, prefix: server.config.toolPrefix, name: prompt.name, prompt }))),
      this.naming,
    );
    return { prompts: [...index].map(([name, entry]) => ({ name, server: entry.server, originalName: entry.name, prompt: entry.prompt })), collisions, failures };
  }

  /** The resources of every server that is up, with the server each comes from. */
  async listResources(options: ListOptions = {}): Promise<ResourceCatalog> {
    const { lists, failures } = await this.gather('resources', options);
    return { resources: lists.flatMap(({ server, items }) => items.map((resource) => ({ server: server.name, resource }))), failures };
  }

  /**
   * Calls a tool by its qualified name on the server offering it. Refused at once with a typed
   * error when that server is not up or its breaker is open; a call whose connection drops
   * is rejected and never replayed.
   */
  async callTool(qualifiedName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    this.assertOpen();
    const { server, name } = await this.resolve('tools', qualifiedName);
    return this.route(server, 'tools/call', (client, callOptions) => client.callTool(name, args, callOptions), options);
  }

  /** Gets a prompt by its qualified name from the server offering it. */
  async getPrompt(qualifiedName: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    this.assertOpen();
    const { server, name } = await this.resolve('prompts', qualifiedName);
    return this.route(server, 'prompts/get', (client, callOptions) => client.getPrompt(name, args, callOptions), options);
  }

  /** Reads a resource from the named server. */
  readResource(server: string, uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return this.using(server, 'resources/read', (client, callOptions) => client.readResource(uri, callOptions), options);
  }

  /** Sends any request to the named server, with the same checks, breaker and statistics as routed calls. */
  request(server: string, method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.using(server, method, (client, callOptions) => client.request(method, params, callOptions), options);
  }

  /**
   * Shuts down: refuses new calls, lets calls in flight finish until `deadlineMs`, closes
   * every connection, and resolves once they are all closed (for stdio servers, once every
   * process is gone). Writes the final snapshot to `snapshotPath` when given, and rejects,
   * with everything closed, if it cannot. Calling it again returns the same promise.
   */
  close(options: CloseOptions = {}): Promise<CloseReport> {
    const deadlineMs = options.deadlineMs ?? DEFAULT_CLOSE_DEADLINE_MS;
    if (this.closing === undefined) {
      try {
        checkOptions(options, CLOSE_OPTION_KEYS, { where: 'McpRegistry.close(options)' });
      } catch (error) {
        return Promise.reject(error as Error);
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
    if (snapshotPath !== undefined) await writeSnapshot(snapshotPath, snapshot);
    return { drained, interrupted, snapshot };
  }

  private using<T>(name: string, method: string, operation: (client: McpClient, options: CallOptions) => Promise<T>, options?: CallOptions): Promise<T> {
    try {
      this.assertOpen();
      return this.route(this.server(name), method, operation, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private route<T>(server: ManagedServer, method: string, operation: (client: McpClient, options: CallOptions) => Promise<T>, options?: CallOptions): Promise<T> {
    if (this.closing !== undefined) {
      server.rejected();
      return Promise.reject(new RegistryClosedError({ server: server.name, method }));
    }
    return this.inFlight.track(() => server.call(method, operation, options));
  }

  /** Each up server's list of `kind`, from the cache while fresh; a failing server goes to `failures`. */
  private async gather<K extends CatalogKind>(
    kind: K,
    options: ListOptions,
  ): Promise<{ lists: Array<{ server: ManagedServer; items: CatalogItems[K][] }>; failures: CatalogFailure[] }> {
    checkOptions(options, LIST_OPTION_KEYS, { where: `McpRegistry.list${kind[0]!.toUpperCase()}${kind.slice(1)}(options)` });
    this.assertOpen();
    const servers = [...this.servers.values()].filter((server) => isUp(server.state));
    const results = await Promise.all(
      servers.map(async (server) => {
        try {
          const fetch = (): Promise<{ items: CatalogItems[K][]; ttlMs: number | undefined }> =>
            this.route(server, `${kind}/list`, (client, callOptions) => fetchList(server.name, client, kind, callOptions));
          return { server, items: await this.catalog.get(server.name, kind, fetch, options.refresh === true) };
        } catch (error) {
          return { server, error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    );
    const lists: Array<{ server: ManagedServer; items: CatalogItems[K][] }> = [];
    const failures: CatalogFailure[] = [];
    for (const result of results) {
      if ('error' in result) failures.push({ server: result.server.name, error: result.error });
      else lists.push(result);
    }
    return { lists, failures };
  }

  /** Finds the server and original name behind a qualified name, listing the catalog once if it is not known yet. */
  private async resolve(kind: Named, qualifiedName: string): Promise<Route> {
    let route = this.routes(kind).get(qualifiedName);
    if (route === undefined) {
      await this.gather(kind, {});
      route = this.routes(kind).get(qualifiedName);
    }
    if (route !== undefined) return route;
    const unknown = [...this.servers.values()]
      .filter((server) => !isUp(server.state) && this.catalog.peek(server.name, kind) === undefined)
      .map((server): { server: string; state: ServerState } => ({ server: server.name, state: server.state }));
    throw new NotInCatalogError(kind === 'tools' ? 'tool' : 'prompt', qualifiedName, unknown);
  }

  /** Qualified name → route, over every server's cached list (stale or not), rebuilt when the cache or the servers change. */
  private routes(kind: Named): Map<string, Route> {
    const version = `${this.catalog.version}/${this.membership}`;
    const cached = this.indexes.get(kind);
    if (cached?.version === version) return cached.routes;
    const entries = [...this.servers.values()].flatMap((server) =>
      (this.catalog.peek(server.name, kind) ?? []).map((item) => ({ server: server.name, prefix: server.config.toolPrefix, name: item.name, managed: server })),
    );
    const { index } = qualifyAll(entries, this.naming);
    const routes = new Map([...index].map(([qualified, entry]): [string, Route] => [qualified, { server: entry.managed, name: entry.name }]));
    this.indexes.set(kind, { version, routes });
    return routes;
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
