import type { CacheEntry, CacheInvalidation, CacheStore } from './cache-store.js';

/**
 * The default `CacheStore`: in memory, synchronous, forgetting the least recently used entry past
 * `maxEntries`. Clients of one process that are given the same instance share its entries and its
 * invalidations.
 */
export class LruCacheStore implements CacheStore {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly listeners = new Set<(event: CacheInvalidation) => void>();

  /** @param maxEntries Most entries kept. @default 1000 */
  constructor(private readonly maxEntries = 1000) {}

  get(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deletePrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  subscribe(listener: (event: CacheInvalidation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: CacheInvalidation): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
