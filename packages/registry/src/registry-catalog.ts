import type { CallOptions, CallToolResult, GetPromptResult, McpClient } from '@mcpx/core';
import { checkOptions, type OptionKeys } from '@mcpx/core/internal';
import {
  fetchList,
  type CatalogCache,
  type CatalogFailure,
  type CatalogItems,
  type CatalogKind,
  type PromptCatalog,
  type ResourceCatalog,
  type ToolCatalog,
} from './catalog.js';
import { NotInCatalogError } from './errors/not-in-catalog-error.js';
import type { ManagedServer } from './managed-server.js';
import { qualifyAll, type NamingPolicy } from './naming.js';
import { RouteIndex, type Route } from './route-index.js';
import { isUp, type ServerState } from './server-state.js';

/** Options of the catalog lists. */
export interface ListOptions {
  /** Fetch every list again, fresh or not. @default false */
  refresh?: boolean | undefined;
}

const LIST_OPTION_KEYS = { refresh: true } as const satisfies OptionKeys<ListOptions>;

/** Runs an operation on a server the way every registry call runs (refused once closing, tracked for the drain). */
export type RouteCall = <T>(
  server: ManagedServer,
  method: string,
  operation: (client: McpClient, options: CallOptions) => Promise<T>,
  options?: CallOptions,
) => Promise<T>;

/** What the catalog reads from and calls through: the registry's servers, cache, naming and call path. */
export interface RegistryCatalogContext {
  /** The registered servers, in registration order; read, never changed, by the catalog. */
  servers: ReadonlyMap<string, ManagedServer>;
  cache: CatalogCache;
  naming: NamingPolicy;
  /** Throws once the registry is closing. */
  assertOpen: () => void;
  route: RouteCall;
}

type Named = 'tools' | 'prompts';

/**
 * The registry's catalog: every up server's tools, resources and prompts under qualified
 * names, and the calls made by those names, routed to the server that offers each one.
 */
export class RegistryCatalog {
  private readonly indexes: Record<Named, RouteIndex>;

  constructor(private readonly context: RegistryCatalogContext) {
    const index = (kind: Named): RouteIndex =>
      new RouteIndex(
        // Every registered server's cached list routes, stale or not; an unregistered server's none.
        (server) => (context.servers.get(server.name) === server ? context.cache.peek(server.name, kind) : undefined),
        context.naming,
      );
    this.indexes = { tools: index('tools'), prompts: index('prompts') };
  }

  /** Tells the catalog a server was registered, so that its cached lists route. */
  serverAdded(server: ManagedServer): void {
    this.indexes.tools.changed(server);
    this.indexes.prompts.changed(server);
  }

  /** Tells the catalog a server was unregistered: its routes go at once, and the indexes keep nothing of it. */
  serverRemoved(server: ManagedServer): void {
    this.indexes.tools.remove(server);
    this.indexes.prompts.remove(server);
  }

  /** Tells the catalog one server's cached list changed (the cache's `onChange`). */
  listChanged(name: string, kind: CatalogKind): void {
    const server = this.context.servers.get(name);
    if (server !== undefined && kind !== 'resources') this.indexes[kind].changed(server);
  }

  /** The tools of every server that is up, under qualified names; a server that cannot answer is listed in `failures`. */
  async listTools(options: ListOptions): Promise<ToolCatalog> {
    const { lists, failures } = await this.gather('tools', options);
    const { index, collisions } = qualifyAll(
      lists.flatMap(({ server, items }) =>
        items.map((tool) => ({
          server: server.name,
          prefix: server.config.toolPrefix,
          name: tool.name,
          tool,
          autoApproved: server.config.autoApprove.has(tool.name),
        })),
      ),
      this.context.naming,
    );
    return {
      tools: [...index].map(([name, entry]) => ({
        name,
        server: entry.server,
        originalName: entry.name,
        tool: entry.tool,
        autoApproved: entry.autoApproved,
      })),
      collisions,
      failures,
    };
  }

  /** The prompts of every server that is up, under qualified names. */
  async listPrompts(options: ListOptions): Promise<PromptCatalog> {
    const { lists, failures } = await this.gather('prompts', options);
    const { index, collisions } = qualifyAll(
      lists.flatMap(({ server, items }) =>
        items.map((prompt) => ({ server: server.name, prefix: server.config.toolPrefix, name: prompt.name, prompt })),
      ),
      this.context.naming,
    );
    return {
      prompts: [...index].map(([name, entry]) => ({ name, server: entry.server, originalName: entry.name, prompt: entry.prompt })),
      collisions,
      failures,
    };
  }

  /** The resources of every server that is up, with the server each comes from. */
  async listResources(options: ListOptions): Promise<ResourceCatalog> {
    const { lists, failures } = await this.gather('resources', options);
    return { resources: lists.flatMap(({ server, items }) => items.map((resource) => ({ server: server.name, resource }))), failures };
  }

  /** Calls a tool by its qualified name on the server offering it. */
  callTool(qualifiedName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    return this.routed(
      'tools',
      qualifiedName,
      'tools/call',
      (client, name, callOptions) => client.callTool(name, args, callOptions),
      options,
    );
  }

  /** Gets a prompt by its qualified name from the server offering it. */
  getPrompt(qualifiedName: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    return this.routed(
      'prompts',
      qualifiedName,
      'prompts/get',
      (client, name, callOptions) => client.getPrompt(name, args, callOptions),
      options,
    );
  }

  /** Runs `operation` on the server behind `qualifiedName`: at once when the route is known, else after listing. */
  private routed<T>(
    kind: Named,
    qualifiedName: string,
    method: string,
    operation: (client: McpClient, name: string, options: CallOptions) => Promise<T>,
    options: CallOptions | undefined,
  ): Promise<T> {
    const send = ({ server, name }: Route): Promise<T> =>
      this.context.route(server, method, (client, callOptions) => operation(client, name, callOptions), options);
    try {
      this.context.assertOpen();
      const route = this.indexes[kind].get(qualifiedName);
      if (route !== undefined) return send(route);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.resolve(kind, qualifiedName).then(send);
  }

  /** Each up server's list of `kind`, from the cache while fresh; a failing server goes to `failures`. */
  private async gather<K extends CatalogKind>(
    kind: K,
    options: ListOptions,
  ): Promise<{ lists: Array<{ server: ManagedServer; items: CatalogItems[K][] }>; failures: CatalogFailure[] }> {
    checkOptions(options, LIST_OPTION_KEYS, { where: `McpRegistry.list${kind[0]!.toUpperCase()}${kind.slice(1)}(options)` });
    this.context.assertOpen();
    const servers = [...this.context.servers.values()].filter((server) => isUp(server.state));
    const results = await Promise.all(
      servers.map(async (server) => {
        try {
          const fetch = (): Promise<{ items: CatalogItems[K][]; ttlMs: number | undefined }> =>
            this.context.route(server, `${kind}/list`, (client, callOptions) => fetchList(server.name, client, kind, callOptions));
          return { server, items: await this.context.cache.get(server.name, kind, fetch, options.refresh === true) };
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

  /** Finds the server and original name behind a qualified name not in the index, listing the catalog once first. */
  private async resolve(kind: Named, qualifiedName: string): Promise<Route> {
    await this.gather(kind, {});
    const route = this.indexes[kind].get(qualifiedName);
    if (route !== undefined) return route;
    const unknown = [...this.context.servers.values()]
      .filter((server) => !isUp(server.state) && this.context.cache.peek(server.name, kind) === undefined)
      .map((server): { server: string; state: ServerState } => ({ server: server.name, state: server.state }));
    throw new NotInCatalogError(kind === 'tools' ? 'tool' : 'prompt', qualifiedName, unknown);
  }
}
