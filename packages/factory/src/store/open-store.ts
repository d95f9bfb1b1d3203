import { LruCacheStore, type CacheStore, type EraStore } from '@mcpx/core';
import type { TokenStore } from '@mcpx/auth';
import { redactUrl } from '../config/redact-url.js';
import type { StoreConfig } from '../config/types.js';
import type { DiagnosticListener } from '../client/diagnostics.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { loadRedis, type RedisConnection, type RedisModule } from './redis-peer.js';

/** Milliseconds connecting to Redis may take at start, unless the config's `store.connectTimeoutMs` says otherwise. */
export const DEFAULT_STORE_CONNECT_TIMEOUT_MS = 10_000;

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Told (`'store-fallback'`) when Redis cannot be reached and `"fallback": "memory"` lets the process go on without it. @default none */
  onDiagnostic?: DiagnosticListener | undefined;
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
  let connection: RedisConnection;
  try {
    connection = await connectWithin(redis, store.redis, store.connectTimeoutMs ?? DEFAULT_STORE_CONNECT_TIMEOUT_MS);
  } catch (error) {
    const reason = scrub(error instanceof Error ? error.message : String(error), store.redis);
    if (store.fallback !== 'memory') throw new StoreUnavailableError(url, { cause: error, reason });
    tell(options.onDiagnostic, `cannot reach the shared store at ${url} (${reason}); each process keeps its state to itself`, error);
    return memoryStores();
  }
  return new RedisStores(redis, connection, store);
}

/** `connectRedis(url)`, or a rejection after `timeoutMs`; a connection that comes later is closed. */
async function connectWithin(redis: RedisModule, url: string, timeoutMs: number): Promise<RedisConnection> {
  const connecting = redis.connectRedis(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([connecting, deadline]);
  } catch (error) {
    // Too late to use, but it must not stay open; its own failure is the error reported already.
    connecting.then((late) => late.close()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** `message` without the password of `url`, which an error may have quoted. */
function scrub(message: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // Not a URL: validation let nothing of the kind through.
  }
  return password === '' ? message : message.split(password).join('***');
}

function tell(listener: DiagnosticListener | undefined, message: string, error: unknown): void {
  try {
    listener?.({ server: undefined, type: 'store-fallback', message, error: error instanceof Error ? error : undefined });
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
