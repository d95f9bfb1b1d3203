// @mcpx/redis: the stores of @mcpx/core on Redis. The exports are added by the stores' own files.
export { redisTokenStore } from './token-store.js';
export type { RedisTokenStore, RedisTokenStoreOptions } from './token-store.js';
export type { EncryptionKey } from './encryption.js';
