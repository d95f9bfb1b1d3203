import type { CallOptions, McpClient, Prompt, Resource, Tool } from '@mcpx/core';
import type { Collision } from './naming.js';

/** The three lists a catalog keeps per server. */
export type CatalogKind = 'tools' | 'resources' | 'prompts';

/** Every kind of list a catalog holds. */
export const CATALOG_KINDS: readonly CatalogKind[] = ['tools', 'resources', 'prompts'];

/** What each list holds. */
export interface CatalogItems {
  tools: Tool;
  resources: Resource;
  prompts: Prompt;
}

/** A tool in the registry's catalog. */
export interface CatalogTool {
  /** The qualified name to call it by through the registry, `server__tool` by default. */
  name: string;
  /** The server offering it. */
  server: string;
  /** Its name on that server. */
  originalName: string;
  /** Its definition, as the server sent it. */
  tool: Tool;
  /** Whether its server's `autoApprove` lists it: a host may call it without asking the user first. */
  autoApproved: boolean;
}

/** A prompt in the registry's catalog. */
export interface CatalogPrompt {
  /** The qualified name to get it by through the registry. */
  name: string;
  server: string;
  originalName: string;
  prompt: Prompt;
}

/** A resource in the registry's catalog; resources keep their URIs. */
export interface CatalogResource {
  server: string;
  resource: Resource;
}

/** A server whose list could not be fetched; the other servers' entries are still there. */
export interface CatalogFailure {
  server: string;
  error: Error;
}

/** The registry's tools: qualified, with name collisions and the servers that could not answer. */
export interface ToolCatalog {
  tools: CatalogTool[];
  collisions: Collision[];
  failures: CatalogFailure[];
}

/** The registry's prompts. */
export interface PromptCatalog {
  prompts: CatalogPrompt[];
  collisions: Collision[];
  failures: CatalogFailure[];
}

/** The registry's resources. */
export interface ResourceCatalog {
  resources: CatalogResource[];
  failures: CatalogFailure[];
}

/** The catalog list-changed notifications and the list each makes stale. */
export const LIST_CHANGED: Readonly<Record<string, CatalogKind>> = {
  'notifications/tools/list_changed': 'tools',
  'notifications/resources/list_changed': 'resources',
  'notifications/prompts/list_changed': 'prompts',
};

/** The default time a fetched list stays fresh when the server gives no `ttlMs`: one minute. */
export const DEFAULT_CATALOG_TTL_MS = 60_000;

interface Entry {
  items: unknown[];
  expiresAt: number;
}

/** Fetches one of a server's lists in full, with its `ttlMs` hint; empty when the server lacks the capability. */
export async function fetchList<K extends CatalogKind>(
  server: string,
  client: McpClient,
  kind: K,
  options: CallOptions,
): Promise<{ items: CatalogItems[K][]; ttlMs: number | undefined }> {
  if (client.serverCapabilities?.[kind] === undefined) return { items: [], ttlMs: undefined };
  const fetched =
    kind === 'tools'
      ? await client.listTools(options).then((r) => ({ items: r.tools, ttlMs: r.ttlMs }))
      : kind === 'resources'
        ? await client.listResources(options).then((r) => ({ items: r.resources, ttlMs: r.ttlMs }))
        : await client.listPrompts(options).then((r) => ({ items: r.prompts, ttlMs: r.ttlMs }));
  return fetched as { items: CatalogItems[K][]; ttlMs: number | undefined };
}

/**
 * The cached lists of every server. A list stays fresh for the server's `ttlMs`, else the
 * default TTL; an invalidated list is refetched on next use but still routes calls meanwhile.
 * Concurrent fetches of one list share one request, and a list fetched across an
 * invalidation is kept as stale.
 */
export class CatalogCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fetching = new Map<string, { generation: number; promise: Promise<unknown[]> }>();
  private readonly generations = new Map<string, number>();
  private readonly forgotten = new Set<string>();

  /**
   * @param onChange told each time a server's list of `kind` changes (fetched, or forgotten), so
   * that indexes built from the cache update that server's entries only. Invalidating changes
   * no list: a stale list still routes.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly onChange: (server: string, kind: CatalogKind) => void = () => undefined,
  ) {}

  /** The cached list, fresh or stale; undefined if never fetched. */
  peek<K extends CatalogKind>(server: string, kind: K): CatalogItems[K][] | undefined {
    return this.entries.get(key(server, kind))?.items as CatalogItems[K][] | undefined;
  }

  /** The list while fresh, else fetched with `fetch` (once, however many callers ask at the same time). */
  async get<K extends CatalogKind>(
    server: string,
    kind: K,
    fetch: () => Promise<{ items: CatalogItems[K][]; ttlMs: number | undefined }>,
    refresh = false,
  ): Promise<CatalogItems[K][]> {
    const id = key(server, kind);
    const entry = this.entries.get(id);
    if (!refresh && entry !== undefined && entry.expiresAt > this.now()) return entry.items as CatalogItems[K][];
    const generation = this.generations.get(id) ?? 0;
    this.forgotten.delete(id);
    const shared = this.fetching.get(id);
    if (shared !== undefined && shared.generation === generation) return (await shared.promise) as CatalogItems[K][];
    const promise = fetch().then(({ items, ttlMs }) => {
      // A list invalidated while it was being fetched may already be out of date: keep it
      // stale, to route calls, so that the next listing fetches it again. Servers send
      // list_changed right after starting often enough for this to matter.
      const current = (this.generations.get(id) ?? 0) === generation;
      if (current || !this.forgotten.has(id)) {
        this.entries.set(id, { items, expiresAt: current ? this.now() + (ttlMs ?? this.ttlMs) : 0 });
        this.onChange(server, kind);
      }
      return items;
    });
    this.fetching.set(id, { generation, promise });
    try {
      return await promise;
    } finally {
      if (this.fetching.get(id)?.promise === promise) this.fetching.delete(id);
    }
  }

  /** Marks a server's list (or all three) stale; it still routes until refetched. */
  invalidate(server: string, kind?: CatalogKind): void {
    for (const each of kind === undefined ? CATALOG_KINDS : [kind]) {
      const id = key(server, each);
      this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
      const entry = this.entries.get(id);
      if (entry !== undefined) entry.expiresAt = 0;
    }
  }

  /** Drops everything about a server. */
  forget(server: string): void {
    for (const each of CATALOG_KINDS) {
      const id = key(server, each);
      this.entries.delete(id);
      this.fetching.delete(id);
      this.forgotten.add(id);
      this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
      this.onChange(server, each);
    }
  }
}

function key(server: string, kind: CatalogKind): string {
  return `${kind}\u0000${server}`;
}
