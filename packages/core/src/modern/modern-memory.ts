import type { McpClientOptions } from '../client/options.js';
import type { CacheStoreError } from '../errors/cache-store-error.js';
import type { LoggingLevel } from '../types/index.js';
import { GuardedStore } from './guarded-store.js';
import { cacheVariant } from './cache-key.js';
import { LruCacheStore } from './lru-cache-store.js';
import { sha256Hex } from './sha256.js';
import { ResponseCache } from './response-cache.js';
import { ListenManager } from './subscriptions.js';

/** Milliseconds a store operation may take by default (`cache.storeTimeoutMs`). */
const DEFAULT_STORE_TIMEOUT_MS = 1000;

/**
 * What the 2026-07-28 sessions of one client keep from one connection to the next: the store of
 * the response cache and the client's identity in it, the subscriptions the caller asked for
 * (reopened on each new connection) and the log level set with `setLoggingLevel`, which every
 * request carries.
 */
export class ModernMemory {
  /** The response cache's store; undefined when the `cache` option is `false`. */
  private readonly store: GuardedStore | undefined;
  private readonly identity: string;
  private unnamed: string | undefined;
  readonly listen: ListenManager;
  logLevel: LoggingLevel | undefined;

  constructor(
    private readonly options: McpClientOptions,
    onError: (error: Error) => void,
    warn: (error: CacheStoreError) => void,
  ) {
    const cache = options.cache;
    this.store =
      cache === false
        ? undefined
        : new GuardedStore(cache?.store ?? new LruCacheStore(), {
            timeoutMs: cache?.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
            warn,
            server: options.server,
            ...(cache?.storeRetryMs === undefined ? {} : { retryMs: cache.storeRetryMs }),
          });
    this.identity = (cache === false ? undefined : cache?.identity) ?? globalThis.crypto.randomUUID();
    this.listen = new ListenManager(onError);
  }

  /**
   * The response cache for the server behind a transport with this description, spoken to with
   * this protocol version and client capabilities; undefined when caching is off. The server's
   * key is hashed (SHA-256), so that a URL's credentials or query never reach the store.
   */
  cacheFor(description: string | undefined, protocolVersion: string, capabilities: unknown): ResponseCache | undefined {
    if (this.store === undefined) return undefined;
    const cache = this.options.cache;
    // A transport without a description gets a key of its own: no sharing, but no collision either.
    const server = (cache === false ? undefined : cache?.serverKey) ?? description ?? (this.unnamed ??= globalThis.crypto.randomUUID());
    return new ResponseCache(this.store, sha256Hex(server), this.identity, Date.now, cacheVariant(protocolVersion, capabilities));
  }
}
