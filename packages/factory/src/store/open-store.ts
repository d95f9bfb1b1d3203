import { LruCacheStore, type CacheStore, type EraStore } from '@mcpx/core';
import type { TokenStore } from '@mcpx/auth';
import { redactUrl } from '@mcpx/core/internal';
import type { StoreConfig } from '../config/types.js';
import type { DiagnosticListener } from '../client/diagnostics.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { loadRedis, type RedisConnection, type RedisModule } from './redis-peer.js';

/** Milliseconds connecting to Redis may take at start (`connectRedis`'s `connectTimeoutMs`), unless the config's `store.connectTimeoutMs` says otherwise. */
export const DEFAULT_STORE_CONNECT_TIMEOUT_MS = 10_000;

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Told (`'store-fallback'`) when Redis cannot be reached and `"fallback": "memory"` lets the process go on without it. @default none: a process warning (`process.emitWarning`, type `McpxStoreFallback`) */
  onDiagnostic?: DiagnosticListener | undefined;
  /**
   * `false` for a use that must not go on elsewhere, such as a login or logout, which must reach
   * the stored tokens: Redis that cannot be reached is then a `StoreUnavailableError` even when
   * the config says `"fallback": "memory"`. @default true
   */
  allowFallback?: boolean | undefined;
}

/**
 * The stores of a config's `store`, for the clients of one process: pass them to `createRegistry`
 * or `createClient` as `store`. Each is made on first use; `close()` closes them and the Redis
 * connection.
 */
export interface SharedStores {
  /** `'redis'`, or `'memory'` after Redis could not be reached and the config allowed a fallback. */
  readonly backend: 'redis' | 'memory';
  /** The response cache store for every client's `cache.store`: on Redis (with invalidation over pub/sub), or one in-memory LRU after a fallback. */
  readonly cache: CacheStore;
  /** The era store for every client's `eraCache`; undefined after a fallback (the process-wide in-memory one). */
  readonly eraCache: EraStore | undefined;
  /** The OAuth token store, encrypted with `tokenKey`; undefined without a `tokenKey` or after a fallback (logins stay in the file store). */
  readonly tokens: TokenStore | undefined;
  /** Closes the stores and the connection; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Connects to the Redis of a config's `store` (loading `@mcpx/redis`) and returns its stores.
 * Redis that cannot be reached within `store.connectTimeoutMs` is a `StoreUnavailableError`
 * naming the URL (password redacted), or, with `"fallback": "memory"`, a `'store-fallback'`
 * diagnostic and in-memory stores. A missing `@mcpx/redis` is a `ConfigError`.
 * @example
 * const config = await loadConfig();
 * const stores = config.store && (await openStore(config.store));
 * const registry = await createRegistry(config, { store: stores });
 */
export async function openStore(store: StoreConfig, options: OpenStoreOptions = {}): Promise<SharedStores> {
  const redis = await loadRedis();
  const url = redactUrl(store.redis);
  const timeoutMs = store.connectTimeoutMs ?? DEFAULT_STORE_CONNECT_TIMEOUT_MS;
  let connection: RedisConnection;
  try {
    // connectRedis keeps the one deadline: it retries within it and closes what it opened when it passes.
    connection = await redis.connectRedis(store.redis, { connectTimeoutMs: timeoutMs });
  } catch (error) {
    const reason = scrub(reasonOf(error, timeoutMs), store.redis, url);
    if (options.allowFallback === false) throw new StoreUnavailableError(url, { cause: error, reason, fix: NEEDS_REDIS_FIX });
    if (store.fallback !== 'memory') throw new StoreUnavailableError(url, { cause: error, reason });
    tell(options.onDiagnostic, `cannot reach the shared store at ${url} (${reason}); each process keeps its state to itself`, error);
    return memoryStores();
  }
  return new RedisStores(redis, connection, store);
}

const NEEDS_REDIS_FIX =
  'fix: start Redis there or correct "store.redis" in the config; the logins are kept on it (the store has a "tokenKey"), so they cannot be read or changed without it';

/**
 * Why connecting failed, in a few words: for `@mcpx/redis`'s `RedisConnectError` (whose message
 * names the URL and a fix of its own), the error of the last attempt, else that nothing answered.
 */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if ((error as { code?: unknown }).code !== 'REDIS_CONNECT_FAILED') return messageOf(error);
  return error.cause === undefined ? `no answer within ${timeoutMs} ms` : messageOf(error.cause);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A refused connection to a host with several addresses is an AggregateError with no message.
  if (error.message === '' && error instanceof AggregateError) return error.errors.map(messageOf).join('; ');
  return error.message;
}

/**
 * `message` with `url` (as written, or as `new URL` prints it) replaced by `redacted`: an error of
 * the Redis client may quote the URL it was given. Only whole URLs are replaced, so a short
 * password does not mangle the words of the message that happen to contain it.
 */
function scrub(message: string, url: string, redacted: string): string {
  let printed = url;
  try {
    printed = new URL(url).href;
  } catch {
    // Validation lets only URLs through; the URL as written is replaced all the same.
  }
  return message.split(url).join(redacted).split(printed).join(redacted);
}

/** Tells `listener` of the fallback or, with none, prints it as a process warning: a fallback is never silent. */
function tell(listener: DiagnosticListener | undefined, message: string, error: unknown): void {
  if (listener === undefined) {
    process.emitWarning(message, { type: 'McpxStoreFallback', code: 'MCPX_STORE_FALLBACK' });
    return;
  }
  try {
    listener({ server: undefined, type: 'store-fallback', message, error: error instanceof Error ? error : undefined });
  } catch {
    // A throwing listener must not change how opening ends.
  }
}

/** The stores after a fallback: one in-memory cache shared by the clients of this process, the default era cache and token store. */
function memoryStores(): SharedStores {
  return { backend: 'memory', cache: new LruCacheStore(), eraCache: undefined, tokens: undefined, close: () => Promise.resolve() };
}

/** The stores of `@mcpx/redis` on one connection, each made on first use. */
class RedisStores implements SharedStores {
  readonly backend = 'redis';
  #cache: ReturnType<RedisModule['redisCacheStore']> | undefined;
  #eraCache: EraStore | undefined;
  #tokens: TokenStore | undefined;
  #closing: Promise<void> | undefined;

  constructor(
    private readonly redis: RedisModule,
    private readonly connection: RedisConnection,
    private readonly config: StoreConfig,
  ) {}

  private get prefix(): { prefix?: string } {
    return this.config.prefix === undefined ? {} : { prefix: this.config.prefix };
  }

  get cache(): CacheStore {
    return (this.#cache ??= this.redis.redisCacheStore(this.connection, this.prefix));
  }

  get eraCache(): EraStore {
    return (this.#eraCache ??= this.redis.redisEraStore(this.connection, this.prefix));
  }

  get tokens(): TokenStore | undefined {
    const encryptionKey = this.config.tokenKey;
    if (encryptionKey === undefined) return undefined;
    return (this.#tokens ??= this.redis.redisTokenStore(this.connection, { ...this.prefix, encryptionKey }));
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#cache?.close();
      } finally {
        await this.connection.close();
      }
    })();
    return this.#closing;
  }
}
