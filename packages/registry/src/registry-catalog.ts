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

/** A tool or prompt found by its qualified name. */
interface Route {
  server: ManagedServer;
  name: string;
}

type Named = 'tools' | 'prompts';

/**
 * The registry's catalog: every up server's tools, resources and prompts under qualified
 * names, and the calls made by those names, routed to the server that offers each one.
 */
export class RegistryCatalog {
  private readonly indexes = new Map<Named, { version: string; routes: Map<string, Route> }>();
  private membership = 0;

  constructor(private readonly context: RegistryCatalogContext) {}

  /** Tells the catalog a server was registered or unregistered, so that its routes are rebuilt. */
  serversChanged(): void {
    this.membership++;
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
  async callTool(qualifiedName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult> {
    this.context.assertOpen();
    const { server, name } = await this.resolve('tools', qualifiedName);
    return this.context.route(server, 'tools/call', (client, callOptions) => client.callTool(name, args, callOptions), options);
  }

  /** Gets a prompt by its qualified name from the server offering it. */
  async getPrompt(qualifiedName: string, args?: Record<string, string>, options?: CallOptions): Promise<GetPromptResult> {
    this.context.assertOpen();
    const { server, name } = await this.resolve('prompts', qualifiedName);
    return this.context.route(server, 'prompts/get', (client, callOptions) => client.getPrompt(name, args, callOptions), options);
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

  /** Finds the server and original name behind a qualified name, listing the catalog once if it is not known yet. */
  private async resolve(kind: Named, qualifiedName: string): Promise<Route> {
    let route = this.routes(kind).get(qualifiedName);
    if (route === undefined) {
      await this.gather(kind, {});
      route = this.routes(kind).get(qualifiedName);
    }
    if (route !== undefined) return route;
    const unknown = [...this.context.servers.values()]
      .filter((server) => !isUp(server.state) && this.context.cache.peek(server.name, kind) === undefined)
      .map((server): { server: string; state: ServerState } => ({ server: server.name, state: server.state }));
    throw new NotInCatalogError(kind === 'tools' ? 'tool' : 'prompt', qualifiedName, unknown);
  }

  /** Qualified name → route, over every server's cached list (stale or not), rebuilt when the cache or the servers change. */
  private routes(kind: Named): Map<string, Route> {
    const { cache, servers, naming } = this.context;
    const version = `${cache.version}/${this.membership}`;
    const cached = this.indexes.get(kind);
    if (cached?.version === version) return cached.routes;
    const entries = [...servers.values()].flatMap((server) =>
      (cache.peek(server.name, kind) ?? []).map((item) => ({
        server: server.name,
        prefix: server.config.toolPrefix,
        name: item.name,
        managed: server,
      })),
    );
    const { index } = qualifyAll(entries, naming);
    const routes = new Map(
      [...index].map(([qualified, entry]): [string, Route] => [qualified, { server: entry.managed, name: entry.name }]),
    );
    this.indexes.set(kind, { version, routes });
    return routes;
  }
}
