/** One cached result and when it goes stale. */
export interface CacheEntry {
  value: Record<string, unknown>;
  /** Epoch milliseconds after which the entry is stale. */
  expiresAt: number;
}

/** Where the response cache keeps entries: in memory by default, or anything with these methods. */
export interface CacheStore {
  get(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry): void;
  delete(key: string): void;
  keys(): Iterable<string>;
}

/** An in-memory store that forgets the least recently used entry past `maxEntries`. @default maxEntries 1000 */
export class LruCacheStore implements CacheStore {
  private readonly entries = new Map<string, CacheEntry>();

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

  keys(): Iterable<string> {
    return [...this.entries.keys()];
  }
}
