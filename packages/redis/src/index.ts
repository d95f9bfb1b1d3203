/** @module @mcpx/redis — the stores of @mcpx/core on Redis: the response cache with invalidations over pub/sub, the era cache and the OAuth token store, shared by every process of a fleet. Every export is public API. */
export { connectRedis, redisReconnectDelay, DEFAULT_REDIS_CONNECT_TIMEOUT_MS } from './connect-redis.js';
export { RedisConnectError } from './redis-connect-error.js';
export { redisCacheStore } from './redis-cache-store.js';
export { redisEraStore } from './redis-era-store.js';

export type { RedisClient } from './client.js';
export type { ConnectRedisOptions } from './connect-redis.js';
export type { RedisConnectErrorOptions } from './redis-connect-error.js';
export type { RedisCacheStore, RedisCacheStoreOptions } from './redis-cache-store.js';
export type { RedisEraStoreOptions } from './redis-era-store.js';
export { redisTokenStore } from './token-store.js';
export type { RedisTokenStore, RedisTokenStoreOptions } from './token-store.js';
export type { EncryptionKey } from './encryption.js';
