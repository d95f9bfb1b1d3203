import { createHash } from 'node:crypto';
import { ConfigError, type Era, type EraStore } from '@mcpx/core';
import { checkOptions, integerOption, type OptionKeys } from '@mcpx/core/internal';
import type { RedisClient } from './client.js';
import { DEFAULT_PREFIX, isWrongType } from './key-pattern.js';

/** Options of `redisEraStore`. */
export interface RedisEraStoreOptions {
  /**
   * What every key of the store starts with: the era of a server lives under
   * `<prefix>era:<SHA-256 of its key, in hex>`.
   * @default "mcpx:"
   */
  prefix?: string;
  /**
   * Milliseconds a remembered era is kept, after which the next connection probes the server
   * again (a server may be upgraded); 0 keeps it until it is deleted.
   * @default 86400000 (one day)
   */
  ttlMs?: number;
}

/** Milliseconds a remembered era is kept by default (`ttlMs`): one day. */
const DEFAULT_ERA_TTL_MS = 86_400_000;

const OPTION_KEYS = { prefix: true, ttlMs: true } as const satisfies OptionKeys<RedisEraStoreOptions>;

/**
 * The era cache (`eraCache` option of `McpClient`) on Redis: what era each server speaks,
 * learned by one process, spares every other process the probe. Each era is the word `legacy` or
 * `modern` under `<prefix>era:<SHA-256 of the key>` (hashed: the key may hold a secret); anything else there (another program's value) is unknown,
 * so the server is probed and the value replaced.
 *
 * @example
 * const client = new McpClient({ eraCache: redisEraStore(await connectRedis(url)) });
 */
export function redisEraStore(client: RedisClient, options: RedisEraStoreOptions = {}): EraStore {
  checkOptions(options, OPTION_KEYS, { where: 'redisEraStore(client, options)' });
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const ttlMs = integerOption('ttlMs', options.ttlMs, { fallback: DEFAULT_ERA_TTL_MS, min: 0 }, (message) => {
    throw new ConfigError(`redisEraStore(client, options): ${message}`);
  });
  // The key is the server's description (a command line, a URL with its query): hashed, so that no
  // secret in it shows to whoever lists the keys of Redis.
  const keyOf = (key: string): string => `${prefix}era:${createHash('sha256').update(key).digest('hex')}`;

  return {
    async get(key): Promise<Era | undefined> {
      let value: string | null;
      try {
        value = await client.get(keyOf(key));
      } catch (error) {
        if (isWrongType(error)) return undefined;
        throw error;
      }
      return value === 'legacy' || value === 'modern' ? value : undefined;
    },
    async set(key, era) {
      if (ttlMs === 0) await client.set(keyOf(key), era);
      else await client.set(keyOf(key), era, { expiration: { type: 'PX', value: ttlMs } });
    },
    async delete(key) {
      await client.unlink(keyOf(key));
    },
  };
}
