import { ConfigError, type CacheStore, type EraStore } from '@mcpx/core';
import type { TokenStore } from '@mcpx/auth';
import { isMissingPackage } from '../transports/peers.js';

/** The package that keeps the shared store on Redis. */
export const REDIS_PACKAGE = '@mcpx/redis';

/** A connected Redis client of `@mcpx/redis` (node-redis), as far as the factory uses it. */
export interface RedisConnection {
  /** Closes the connection once the commands sent are answered. */
  close(): Promise<void>;
}

/** Options every store of `@mcpx/redis` takes. */
interface PrefixOptions {
  prefix?: string;
}

/** The options of `connectRedis` the factory gives. */
interface ConnectOptions {
  connectTimeoutMs?: number;
}

/**
 * What the factory uses of `@mcpx/redis`: its agreed entry points, typed here so that the factory's
 * published types do not need the optional package (`test/redis-module-type.test.ts` checks at
 * compile time that the real module satisfies this).
 */
export interface RedisModule {
  connectRedis(url: string, options?: ConnectOptions): Promise<RedisConnection>;
  redisCacheStore(client: RedisConnection, options?: PrefixOptions): CacheStore & { close(): Promise<void> };
  redisEraStore(client: RedisConnection, options?: PrefixOptions): EraStore;
  redisTokenStore(client: RedisConnection, options: PrefixOptions & { encryptionKey: string }): TokenStore;
}

const ENTRY_POINTS = ['connectRedis', 'redisCacheStore', 'redisEraStore', 'redisTokenStore'] as const;

let loaded: Promise<RedisModule> | undefined;

/**
 * Loads `@mcpx/redis` on first use. Not installed, or installed without the entry points the
 * factory calls, is a `ConfigError` saying what to install.
 */
export async function loadRedis(): Promise<RedisModule> {
  // A literal specifier, so that bundlers see it.
  loaded ??= (import('@mcpx/redis') as Promise<unknown>).then(checked);
  try {
    return await loaded;
  } catch (error) {
    loaded = undefined;
    if (ConfigError.isInstance(error)) throw error;
    if (isMissingPackage(error, REDIS_PACKAGE))
      throw new ConfigError(
        `the config has a "store" on Redis, which needs ${REDIS_PACKAGE}, and it is not installed: npm install ${REDIS_PACKAGE}, or remove "store"`,
        { cause: error },
      );
    throw new ConfigError(
      `${REDIS_PACKAGE} is installed but failed to load (${error instanceof Error ? error.message : String(error)}); reinstall it`,
      { cause: error },
    );
  }
}

function checked(module: unknown): RedisModule {
  const missing = ENTRY_POINTS.filter((name) => typeof (module as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0)
    throw new ConfigError(
      `the installed ${REDIS_PACKAGE} has no ${missing.join(', ')}, which the config's "store" needs: npm install ${REDIS_PACKAGE}@latest`,
    );
  return module as RedisModule;
}
