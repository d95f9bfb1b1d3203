import type { McpClientOptions } from '../client/options.js';
import type { CacheStoreError } from '../errors/cache-store-error.js';
import type { LoggingLevel } from '../types/index.js';
import { GuardedStore } from './guarded-store.js';
import { cacheVariant, identityKey } from './cache-key.js';
import { LruCacheStore } from './lru-cache-store.js';
import { sha256Hex } from './sha256.js';
import { ResponseCache } from './response-cache.js';
import { ListenManager } from './subscriptions.js';

/** Milliseconds a store operation may take by default (`cache.storeTimeoutMs`). */
const DEFAULT_STORE_TIMEOUT_MS = 1000;
/** The identity of the entries in a store of the client's own, and the key of a server behind a transport without a description there. */
const OWN_STORE_IDENTITY = 'own-store';
const OWN_STORE_UNNAMED = 'own-store unnamed transport';

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
  /** The identity as it appears in private keys, built at the first connection. */
  private identityKey: string | undefined;
  /** Whether the store is the client's own (the default `LruCacheStore`), which no other client reads. */
  private readonly ownStore: boolean;
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
    const given = cache === false ? undefined : cache;
    // A store of the client's own is read by no other client: its entries need no identity drawn
    // at random (the first use of `globalThis.crypto` loads Node's Web Crypto, milliseconds of a
    // cold start). One it was given may be shared, and its private entries must not be.
    this.ownStore = given?.store === undefined;
    this.identity = given?.identity ?? (this.ownStore ? OWN_STORE_IDENTITY : globalThis.crypto.randomUUID());
    this.listen = new ListenManager(onError);
  }

  /**
   * The response cache for the server behind a transport with this description, spoken to with
   * this protocol version and client capabilities; undefined when caching is off. In a store it
   * was given, the server's key and the identity are hashed (SHA-256), so that a URL's credentials
   * or query and a secret identity never reach a store other processes may read. A store of the
   * client's own never leaves the process and holds this client's entries alone: nothing in its
   * keys is hashed, so that a connect computes no SHA-256 (in JavaScript, as core has no
   * `node:crypto`).
   */
  cacheFor(description: string | undefined, protocolVersion: string, capabilities: unknown): ResponseCache | undefined {
    if (this.store === undefined) return undefined;
    const cache = this.options.cache;
    // A transport without a description gets a key of its own: no sharing, but no collision either
    // (in a store of the client's own, which holds this client's servers alone, a fixed one).
    const server =
      (cache === false ? undefined : cache?.serverKey) ??
      description ??
      (this.unnamed ??= this.ownStore ? OWN_STORE_UNNAMED : globalThis.crypto.randomUUID());
    this.identityKey ??= this.ownStore ? this.identity : identityKey(this.identity);
    return new ResponseCache(
      this.store,
      this.ownStore ? server : sha256Hex(server),
      this.identityKey,
      Date.now,
      cacheVariant(protocolVersion, capabilities, !this.ownStore),
    );
  }
}
