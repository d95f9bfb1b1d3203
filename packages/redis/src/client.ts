import type { RedisClientType } from '@redis/client';

/**
 * A connected node-redis client (`createClient()` of `redis` or `@redis/client`), as the stores of
 * this package take it: one connection shared by the stores of a process.
 */
export type RedisClient = RedisClientType;
