import * as realRedis from '@mcpx/redis';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { validateConfig } from '../src/index.js';
import type { RedisModule } from '../src/store/redis-peer.js';

// The factory types @mcpx/redis itself (an optional peer its published types must not need):
// this file does not compile if the real package stops satisfying that type.
const typed: RedisModule = realRedis;

/** Whether redisTokenStore takes `key` as its encryptionKey (it throws a ConfigError when not). */
function redisTakes(key: string): boolean {
  try {
    // The store only derives its key when made: no connection is used.
    realRedis.redisTokenStore({ withCommandOptions: () => ({}) } as unknown as realRedis.RedisClient, { encryptionKey: key });
    return true;
  } catch {
    return false;
  }
}

/** Whether the config's validation takes `key` as its `store.tokenKey`. */
function configTakes(key: string): boolean {
  try {
    validateConfig({ mcpServers: {}, store: { redis: 'redis://127.0.0.1:6379', tokenKey: key } });
    return true;
  } catch {
    return false;
  }
}

describe('the factory and the real @mcpx/redis', () => {
  it('agree on the entry points the factory calls', () => {
    expectTypeOf(typed.connectRedis).toBeFunction();
    expect(Object.keys(typed).filter((name) => name.startsWith('connect') || name.endsWith('Store'))).toEqual(
      expect.arrayContaining(['connectRedis', 'redisCacheStore', 'redisEraStore', 'redisTokenStore']),
    );
  });

  it('accept and refuse the same token keys', () => {
    const keys = [
      'a'.repeat(64).replace(/a/g, 'f'), // hex of 32 bytes
      Buffer.alloc(32, 7).toString('base64'),
      Buffer.alloc(32, 7).toString('base64url'),
      'sixteen-chars-ok',
      'fifteen-chars!!',
      'short',
      'x',
    ];
    expect(keys.map(configTakes)).toEqual(keys.map(redisTakes));
    expect(keys.map(configTakes)).toEqual([true, true, true, true, false, false, false]);
  });
});
