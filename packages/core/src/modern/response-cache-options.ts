import type { CacheStore } from './cache-store.js';

/**
 * The response cache of a client (the `cache` option): where entries live, whose they are and how
 * the server is named in their keys.
 */
export interface ResponseCacheOptions {
  /**
   * Where entries are kept. Clients given the same store share its `public` entries, and its
   * invalidations when it carries them (`subscribe` / `publish`).
   * @default a new `LruCacheStore` of 1000 entries, for this client alone
   */
  store?: CacheStore;
  /**
   * The caller's authorization context, such as the OAuth subject or a key of your own: a `private`
   * result (or one without `cacheScope`) is only reused by clients with the same identity (and the
   * same request context). Clients that act for the same user may share it; clients that act for
   * different users must not.
   * @default with the default store, which is the client's own, one for this client alone; with a
   * store given here, a random identity of this client, so that its private results are not shared
   */
  identity?: string;
  /**
   * How the server is named in the keys, so that one store serves a fleet without collisions.
   * Give one when two servers share a transport description (the same command line with different
   * environments, say), or to share entries between different routes to one server.
   * @default the transport's description: the command line (stdio) or the URL (HTTP)
   */
  serverKey?: string;
  /**
   * Milliseconds an operation of an asynchronous store may take before the call goes to the server
   * uncached (with one `warning` event).
   * @default 1000
   */
  storeTimeoutMs?: number;
  /**
   * Milliseconds the store is skipped after it failed (threw, rejected or timed out): calls go to
   * the server without asking it, so that a hanging store does not slow every call. The period
   * doubles with each failure in a row, up to 30 s, and starts again from this after a success.
   * @default 1000
   */
  storeRetryMs?: number;
}
