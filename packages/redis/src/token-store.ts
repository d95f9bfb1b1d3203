import { TokenStoreError, type ReleaseLock, type StoredLogin, type TokenStore } from '@mcpx/core';
import type { RedisClient } from './client.js';
import { aesKey, decrypt, encrypt, type EncryptionKey } from './encryption.js';
import { takeLock } from './lock.js';
import { isStoredLogin } from './stored-login-shape.js';

/** Options of `redisTokenStore()`. */
export interface RedisTokenStoreOptions {
  /**
   * The key every value is encrypted with (AES-256-GCM): 32 random bytes, their hex or base64, or
   * a passphrase of 16 characters or more (stretched with scrypt, salted with `prefix`). Every
   * process sharing the logins needs the same key (and, for a passphrase, the same prefix).
   * Generate one with `openssl rand -base64 32`.
   */
  encryptionKey: EncryptionKey;
  /**
   * What every key of the store begins with: logins live at `<prefix>token:<login key>`, refresh
   * locks at `<prefix>token-lock:<login key>`.
   * @default "mcpx:"
   */
  prefix?: string | undefined;
  /**
   * Told of a value under the store's keys that cannot be read: encrypted with another key (a
   * wrong `encryptionKey`), corrupt, or written by another program. Such a value reads as no
   * login (the next login overwrites it) and is never thrown to the caller; this is how a wrong
   * key shows.
   * @default a Node process warning (`process.emitWarning`), once per key until it reads again
   */
  onUnreadable?: ((error: TokenStoreError) => void) | undefined;
  /**
   * How long a command may wait to be sent while the client has no connection (Redis down, the
   * client reconnecting) before it fails, so that a token operation never hangs on Redis. A
   * command already sent is not cut short.
   * @default 5000
   */
  timeoutMs?: number | undefined;
}

/** A `TokenStore` on Redis, with the refresh lock that makes one refresh at a time across processes. */
export interface RedisTokenStore extends TokenStore {
  /** See `TokenStore.lock`: `SET NX PX` with a random token, released by a compare-and-delete script. */
  lock(name: string, ttlMs: number, signal?: AbortSignal): Promise<ReleaseLock>;
}

/**
 * The OAuth logins of `@mcpx/auth` on Redis, shared by every process that uses the same Redis,
 * `prefix` and `encryptionKey`: one process logs in (or refreshes), the others use its tokens.
 * Every value is encrypted at rest (AES-256-GCM, a random IV per value, bound to its key). The
 * store has a lock, which `OAuthProvider` holds while it refreshes, so that processes finding the
 * token expired at the same time send one refresh between them. Redis failures reject (the
 * provider then works from what it holds); unreadable values read as no login.
 *
 * @example
 * ```ts
 * const store = redisTokenStore(await connectRedis('redis://127.0.0.1:6379'), { encryptionKey: process.env.MCPX_TOKEN_KEY! });
 * const auth = new OAuthProvider({ store });
 * ```
 */
export function redisTokenStore(client: RedisClient, options: RedisTokenStoreOptions): RedisTokenStore {
  const prefix = options.prefix ?? 'mcpx:';
  const redis = client.withCommandOptions({ timeout: options.timeoutMs ?? 5_000 });
  const key = aesKey(options.encryptionKey, prefix);
  const logins = `${prefix}token:`;
  const warned = new Set<string>();
  const report =
    options.onUnreadable ??
    ((error: TokenStoreError): void => {
      process.emitWarning(error.message, { type: 'McpxWarning', code: error.code });
    });

  const read = (redisKey: string, value: string | null): StoredLogin | undefined => {
    if (value === null) return undefined;
    try {
      const login: unknown = JSON.parse(decrypt(key, value, redisKey));
      if (!isStoredLogin(login)) throw new Error('it decrypts, but is not a stored login');
      warned.delete(redisKey);
      return login;
    } catch (error) {
      if (warned.has(redisKey) && options.onUnreadable === undefined) return undefined;
      warned.add(redisKey);
      report(
        new TokenStoreError(
          `the login at ${redisKey} in Redis cannot be read (${(error as Error).message}), so it counts as no login: check that every process has the same encryptionKey and prefix; the next login overwrites it`,
          {
            cause: error,
          },
        ),
      );
      return undefined;
    }
  };

  return {
    async get(name) {
      const redisKey = logins + name;
      return read(redisKey, await redis.get(redisKey));
    },
    async set(name, login) {
      const redisKey = logins + name;
      await redis.set(redisKey, encrypt(key, JSON.stringify(login), redisKey));
    },
    async delete(name) {
      await redis.del(logins + name);
    },
    async list() {
      const found: Array<{ key: string; login: StoredLogin }> = [];
      for await (const redisKeys of redis.scanIterator({ MATCH: `${globEscape(logins)}*`, COUNT: 100 })) {
        if (redisKeys.length === 0) continue;
        const values = await redis.mGet(redisKeys);
        redisKeys.forEach((redisKey, index) => {
          const login = read(redisKey, values[index] ?? null);
          if (login !== undefined) found.push({ key: redisKey.slice(logins.length), login });
        });
      }
      return found;
    },
    lock(name, ttlMs, signal) {
      return takeLock(redis, `${prefix}token-lock:${name}`, ttlMs, signal);
    },
  };
}

/** `text` with the glob characters of a SCAN pattern escaped. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
