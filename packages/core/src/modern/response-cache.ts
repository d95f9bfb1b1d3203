import type { RequestContext } from '../middleware/request-context.js';
import type { CacheStore } from './cache-store.js';

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

/** Params that do not change the answer: the envelope and the multi round-trip fields. */
const IGNORED_PARAMS = new Set(['_meta', 'inputResponses', 'requestState']);

/**
 * Caches results as long as the server's `ttlMs` says they stay fresh. The key is the method,
 * the params that matter and the request context (the client's merged with the call's), so that
 * a result is only reused for the same user and session; list-changed and resource-updated
 * notifications evict.
 */
export class ResponseCache {
  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh cached result for this request context, or undefined. */
  get(method: string, params: Record<string, unknown> | undefined, context?: RequestContext): Record<string, unknown> | undefined {
    if (!CACHEABLE_METHODS.has(method)) return undefined;
    const key = cacheKey(method, params, context);
    const entry = this.store.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.store.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Keeps a result whose `ttlMs` is positive, for the request context it was asked for: a
   * `private` result may only be reused within the same authorization context, and the client
   * cannot tell which results are public before it has them, so every entry is per context.
   */
  put(method: string, params: Record<string, unknown> | undefined, result: Record<string, unknown>, context?: RequestContext): void {
    const ttl = result.ttlMs;
    if (!CACHEABLE_METHODS.has(method) || typeof ttl !== 'number' || !(ttl > 0)) return;
    this.store.set(cacheKey(method, params, context), { value: result, expiresAt: this.now() + ttl });
  }

  /** Evicts what a notification makes stale. */
  notify(method: string, params: Record<string, unknown>): void {
    const methods = EVICTIONS[method];
    if (methods !== undefined) {
      for (const stale of methods) this.evict((key) => key.startsWith(`${stale} `));
    } else if (method === 'notifications/resources/updated' && typeof params.uri === 'string') {
      // The entries of that resource for every request context.
      const prefix = `${paramsKey('resources/read', { uri: params.uri })} `;
      this.evict((candidate) => candidate.startsWith(prefix));
    }
  }

  /** Evicts every entry. */
  clear(): void {
    this.evict(() => true);
  }

  private evict(match: (key: string) => boolean): void {
    for (const key of this.store.keys()) if (match(key)) this.store.delete(key);
  }
}

/**
 * `method`, the params that matter and the request context, with object keys sorted so equal
 * params give equal keys.
 */
export function cacheKey(method: string, params: Record<string, unknown> | undefined, context?: RequestContext): string {
  return `${paramsKey(method, params)} ${stableJson(context ?? {})}`;
}

/** `method` and the params that matter; a params object's JSON is closed, so no other params' key starts with it. */
function paramsKey(method: string, params: Record<string, unknown> | undefined): string {
  const relevant = Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => !IGNORED_PARAMS.has(key)));
  return `${method} ${stableJson(relevant)}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    // Fields set to undefined are left out, as on the wire.
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
