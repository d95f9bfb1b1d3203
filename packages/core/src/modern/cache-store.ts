/** A value, or a promise of it: what the methods of a `CacheStore` may return. */
export type MaybePromise<T> = T | Promise<T>;

/** One cached result and when it goes stale. */
export interface CacheEntry {
  value: Record<string, unknown>;
  /** Epoch milliseconds after which the entry is stale (a store may drop it then, as a Redis `PX` does). */
  expiresAt: number;
}

/**
 * What a list-changed or resource-updated notification made stale, as published to every client
 * sharing a store: the server it came from (its cache identity) and the notification.
 */
export interface CacheInvalidation {
  /** The cache identity of the server that sent the notification (see `cache.serverKey`). */
  server: string;
  /** The notification's method, such as `notifications/tools/list_changed`. */
  method: string;
  /** The resource's URI, for `notifications/resources/updated`. */
  uri?: string;
  /**
   * Who published it: a random id of the publishing client's cache, so that it skips its own echo
   * (which, across processes, arrives as a new object).
   */
  origin?: string;
}

/**
 * Where the response cache keeps entries: in memory by default (`LruCacheStore`), or on anything
 * with these methods, synchronous or not (a network store such as Redis returns promises). Keys are
 * opaque strings built by the client; `deletePrefix` is how it evicts a method's entries.
 *
 * A store that fails (a method throws or rejects) never fails a call: the client bypasses the cache
 * and emits one `warning` event until the store works again.
 *
 * `subscribe` and `publish` are optional: a store that has them carries invalidations between the
 * clients that share it, in one process or many, so that a `list_changed` one client sees evicts
 * the entries of every client.
 */
export interface CacheStore {
  /** The entry under `key`, or undefined. */
  get(key: string): MaybePromise<CacheEntry | undefined>;
  /** Keeps `entry` under `key`, replacing what was there. */
  set(key: string, entry: CacheEntry): MaybePromise<void>;
  /** Forgets the entry under `key`, if any. */
  delete(key: string): MaybePromise<void>;
  /**
   * Forgets every entry whose key starts with `prefix`. Prefixes contain quotes, spaces and
   * characters such as `*`, `?`, `[` and `]`: a store that matches by pattern (a Redis
   * `SCAN MATCH`) must escape them (a backslash before each of `*`, `?`, `[`, `]` and `\`).
   */
  deletePrefix(prefix: string): MaybePromise<void>;
  /** Calls `listener` with every invalidation published on this store, by any client; returns how to stop. */
  subscribe?(listener: (event: CacheInvalidation) => void): () => void;
  /** Tells every subscriber of this store (the publisher's own included) that entries went stale. */
  publish?(event: CacheInvalidation): MaybePromise<void>;
}
