import type { RequestContext } from '../middleware/request-context.js';
import type { CacheScope } from '../types/modern/cacheable.js';
import { paramsKey, requestKey, scopedKey, serverPrefix } from './cache-key.js';
import type { CacheEntry, CacheInvalidation, MaybePromise } from './cache-store.js';
import { isPromiseLike, type GuardedStore } from './guarded-store.js';

/** The methods whose results carry cache hints (`ttlMs`, `cacheScope`) in 2026-07-28. */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);

/** The list-changed notifications and the methods whose cached results they make stale. */
const EVICTIONS: Readonly<Record<string, readonly string[]>> = {
  'notifications/tools/list_changed': ['tools/list'],
  'notifications/prompts/list_changed': ['prompts/list'],
  'notifications/resources/list_changed': ['resources/list', 'resources/templates/list'],
};

/**
 * The response cache of one client for one server: results are kept as long as the server's
 * `ttlMs` says they stay fresh, under the server's cache identity. A `public` result is shared by
 * every client of the store; a `private` one (or one without `cacheScope`) only by the same caller
 * identity and request context. List-changed and resource-updated notifications evict, in every
 * client sharing the store when it carries invalidations.
 */
export class ResponseCache {
  /** The start of every key of this server, built once. */
  private readonly prefix: string;
  /** This cache's id in the invalidations it publishes, so that their echo is not evicted twice; drawn when first needed. */
  #origin: string | undefined;
  /** How many evictions each method saw: a result fetched across one is not kept. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly store: GuardedStore,
    /** The server's cache identity (`cache.serverKey`, else the transport's description; hashed by the caller for a shared store). */
    private readonly server: string,
    /**
     * The caller's identity as it appears in private keys (`identityKey`, hashed by the caller for
     * a shared store): private results are only reused under the same one.
     */
    private readonly identity: string,
    private readonly now: () => number = Date.now,
    /** The protocol version and client capabilities part of the keys (`cacheVariant`). */
    private readonly variant = '',
  ) {
    this.prefix = serverPrefix(server);
  }

  /** Whether results of `method` may be cached at all: a request of any other method skips the cache. */
  holds(method: string): boolean {
    return CACHEABLE_METHODS.has(method);
  }

  /**
   * A fresh cached result for this request context (private first, then public), or undefined;
   * both keys are read at once, under one `storeTimeoutMs`. Synchronous over a synchronous store.
   */
  get(
    method: string,
    params: Record<string, unknown> | undefined,
    context?: RequestContext,
  ): MaybePromise<Record<string, unknown> | undefined> {
    if (!CACHEABLE_METHODS.has(method)) return undefined;
    const request = requestKey(this.prefix, method, params, this.variant);
    const own = scopedKey(request, 'private', this.identity, context);
    const shared = scopedKey(request, 'public', this.identity);
    const entries = this.store.getBoth(own, shared);
    if (isPromiseLike(entries)) return entries.then((found) => this.first(own, shared, found));
    return this.first(own, shared, entries);
  }

  /** How many evictions `method`'s entries saw; give it to `put` to drop a result an eviction overtook. */
  generation(method: string): number {
    return this.generations.get(method) ?? 0;
  }

  /**
   * Keeps a result whose `ttlMs` is positive, under its `cacheScope` (private when absent); does not
   * wait for the store. Nothing is kept when `generation` (taken before the request was sent) is no
   * longer the method's: an invalidation came while the request was out, so the result may be stale.
   */
  put(
    method: string,
    params: Record<string, unknown> | undefined,
    result: Record<string, unknown>,
    context?: RequestContext,
    generation?: number,
  ): void {
    const ttl = result.ttlMs;
    if (!CACHEABLE_METHODS.has(method) || typeof ttl !== 'number' || !(ttl > 0)) return;
    if (generation !== undefined && generation !== this.generation(method)) return;
    const scope: CacheScope = result.cacheScope === 'public' ? 'public' : 'private';
    this.store.set(scopedKey(requestKey(this.prefix, method, params, this.variant), scope, this.identity, context), {
      value: result,
      expiresAt: this.now() + ttl,
    });
  }

  /** Evicts what a notification makes stale, and tells the other clients of the store. */
  notify(method: string, params: Record<string, unknown>): void {
    const uri = typeof params.uri === 'string' ? params.uri : undefined;
    if (EVICTIONS[method] === undefined && (method !== 'notifications/resources/updated' || uri === undefined)) return;
    const event: CacheInvalidation = { server: this.server, method, ...(uri === undefined ? {} : { uri }), origin: this.origin() };
    this.evict(event);
    this.store.publish(event);
  }

  /**
   * Evicts what other clients of the store publish about this server, until the returned function
   * is called; nothing when the store carries no invalidations.
   */
  listen(): () => void {
    const stop = this.store.subscribe((event) => {
      if (event.server === this.server && event.origin !== this.origin()) this.evict(event);
    });
    return stop ?? (() => undefined);
  }

  /** This cache's id in its invalidations: drawn at the first, so that a connect loads no Web Crypto. */
  private origin(): string {
    return (this.#origin ??= globalThis.crypto.randomUUID());
  }

  /** Evicts the entries `event` makes stale. */
  private evict(event: CacheInvalidation): void {
    const prefix = serverPrefix(event.server);
    const methods = EVICTIONS[event.method];
    if (methods !== undefined) {
      for (const stale of methods) {
        this.bump(stale);
        this.store.deletePrefix(`${prefix}${stale} `);
      }
    } else if (event.method === 'notifications/resources/updated' && event.uri !== undefined) {
      // Every resources/read in flight is dropped, not only that URI's: rare, and never stale.
      this.bump('resources/read');
      // The entries of that resource, public and for every identity and request context.
      this.store.deletePrefix(`${prefix}${paramsKey('resources/read', { uri: event.uri })} `);
    }
  }

  private bump(method: string): void {
    this.generations.set(method, this.generation(method) + 1);
  }

  /** The fresh one of the private and public entries, private first. */
  private first(own: string, shared: string, entries: readonly [unknown, unknown] | undefined): Record<string, unknown> | undefined {
    if (entries === undefined) return undefined;
    return this.unexpired(own, entries[0]) ?? this.unexpired(shared, entries[1]);
  }

  private unexpired(key: string, found: unknown): Record<string, unknown> | undefined {
    // A store shared with other software may hold anything: what is not an entry is a miss.
    if (typeof found !== 'object' || found === null) return undefined;
    const entry = found as Partial<CacheEntry>;
    if (typeof entry.value !== 'object' || entry.value === null || typeof entry.expiresAt !== 'number') return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.store.delete(key);
    return undefined;
  }
}
