import { ConfigError, type CacheEntry, type CacheInvalidation, type CacheStore } from '@mcpx/core';
import { checkOptions, integerOption, type OptionKeys } from '@mcpx/core/internal';
import type { RedisClient } from './client.js';
import { CacheIndex } from './cache-index.js';
import { InvalidationChannel } from './invalidation-channel.js';
import { DEFAULT_PREFIX, isWrongType } from './key-pattern.js';

/** Options of `redisCacheStore`. */
export interface RedisCacheStoreOptions {
  /**
   * What every key and channel of the store starts with: entries live under `<prefix>cache:<key>`,
   * invalidations go over the channel `<prefix>invalidate`.
   * @default "mcpx:"
   */
  prefix?: string;
  /**
   * How many keys `deletePrefix` deletes (`UNLINK`) in one command, and asks `SCAN` for at a time
   * when it must scan (a prefix shorter than the index's groups).
   * @default 500
   */
  scanCount?: number;
  /**
   * Called when subscribing to the invalidations fails (an ACL user without access to the channel:
   * `NOPERM`) or a listener throws. A failed subscription also makes the store's next `get` or
   * `publish` reject once, so that the client warns (`CacheStoreError`).
   * @default ignores them
   */
  onError?: (error: Error) => void;
}

/** A response `CacheStore` on Redis that carries invalidations between processes; see `redisCacheStore`. */
export interface RedisCacheStore extends CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<void>;
  subscribe(listener: (event: CacheInvalidation) => void): () => void;
  publish(event: CacheInvalidation): Promise<void>;
  /**
   * Closes the store's pub/sub connection (opened by the first `subscribe`), for good: a later
   * `subscribe` throws. The client passed in stays open: close it yourself.
   */
  close(): Promise<void>;
}

const OPTION_KEYS = { prefix: true, scanCount: true, onError: true } as const satisfies OptionKeys<RedisCacheStoreOptions>;

/**
 * The response cache's store on Redis, shared by every process that uses the same Redis and
 * prefix: each entry is the JSON of a `CacheEntry` under `<prefix>cache:<key>`, expiring (`PX`)
 * when the entry goes stale, and listed in a set per server and method
 * (`<prefix>cache-index:v1 <server> <method> `), so that an invalidation deletes its entries
 * without scanning the keyspace. `subscribe` and `publish` carry invalidations over the pub/sub
 * channel `<prefix>invalidate`, so a `list_changed` seen by one process evicts everywhere. A
 * value under the prefix that is not an entry (corrupt, or another program's) is a miss, and the
 * next `set` replaces it. Failures (Redis down) reject: the client bypasses the cache, warns once
 * and uses it again when Redis is back.
 *
 * @example
 * const redis = await connectRedis('redis://127.0.0.1:6379');
 * const store = redisCacheStore(redis);
 * const client = new McpClient({ cache: { store } });
 */
export function redisCacheStore(client: RedisClient, options: RedisCacheStoreOptions = {}): RedisCacheStore {
  checkOptions(options, OPTION_KEYS, { where: 'redisCacheStore(client, options)' });
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const scanCount = integerOption('scanCount', options.scanCount, { fallback: 500, min: 1 }, (message) => {
    throw new ConfigError(`redisCacheStore(client, options): ${message}`);
  });
  const keyOf = (key: string): string => `${prefix}cache:${key}`;
  const index = new CacheIndex(client, `${prefix}cache:`, `${prefix}cache-index:`, scanCount);
  const channel = new InvalidationChannel(client, `${prefix}invalidate`, options.onError);
  // Deletions under way: an invalidation is published once they are done, so that a process it
  // reaches can no longer read what it invalidates (the client evicts, then publishes, without waiting).
  const deleting = new Set<Promise<void>>();
  const tracked = (deletion: Promise<void>): Promise<void> => {
    deleting.add(deletion);
    const done = (): void => void deleting.delete(deletion);
    deletion.then(done, done);
    return deletion;
  };

  return {
    async get(key) {
      channel.throwFailure();
      let text: string | null;
      try {
        text = await client.get(keyOf(key));
      } catch (error) {
        // Another program's list or hash under our key: a miss, which the next set() replaces.
        if (isWrongType(error)) return undefined;
        throw error;
      }
      return text === null ? undefined : parseEntry(text);
    },
    async set(key, entry) {
      const ttlMs = Math.ceil(entry.expiresAt - Date.now());
      if (ttlMs <= 0) await client.unlink(keyOf(key));
      else await index.set(key, JSON.stringify(entry), ttlMs);
    },
    delete(key) {
      return tracked(client.unlink(keyOf(key)).then(() => undefined));
    },
    deletePrefix(start) {
      return tracked(index.deletePrefix(start));
    },
    subscribe(listener) {
      return channel.add(listener);
    },
    async publish(event) {
      channel.throwFailure();
      // A failed deletion is the caller's to report (it rejected there); publish all the same.
      await Promise.allSettled([...deleting]);
      await client.publish(channel.name, JSON.stringify(event));
    },
    close() {
      return channel.close();
    },
  };
}

/** The entry `text` holds, or undefined when it is not the JSON of one. */
function parseEntry(text: string): CacheEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { value, expiresAt } = parsed as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof expiresAt !== 'number') return undefined;
  return { value: value as Record<string, unknown>, expiresAt };
}
