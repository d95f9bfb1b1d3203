import { ConfigError, TokenStoreError, type ReleaseLock, type StoredLogin, type TokenStore } from '@mcpx/core';
import { checkOptions, integerOption, type OptionKeys } from '@mcpx/core/internal';
import type { RedisClient } from './client.js';
import { decrypt, encrypt, keyName, parseKey, storeKeys, type EncryptionKey } from './encryption.js';
import { DEFAULT_PREFIX, isWrongType, prefixPattern } from './key-pattern.js';
import { takeLock } from './lock.js';
import { isStoredLogin } from './stored-login-shape.js';

/** Options of `redisTokenStore()`. */
export interface RedisTokenStoreOptions {
  /**
   * The key every value is encrypted with (AES-256-GCM), and that names the keys: 32 random bytes,
   * `"base64:"` and their base64, `"hex:"` and their hex, or a passphrase of 16 characters or more
   * (stretched with scrypt, salted with `prefix`). Every process sharing the logins needs the same
   * key (and, for a passphrase, the same prefix). Generate one with
   * `echo "base64:$(openssl rand -base64 32)"`.
   */
  encryptionKey: EncryptionKey;
  /**
   * What every key of the store begins with: logins live at `<prefix>token:<name>`, refresh locks
   * at `<prefix>token-lock:<name>`, where the name is the HMAC-SHA256 of the login's key under a
   * key derived from `encryptionKey` (so that no server URL shows in Redis).
   * @default "mcpx:"
   */
  prefix?: string | undefined;
  /**
   * Told of a value under the store's keys that cannot be read: encrypted with another key (a
   * wrong `encryptionKey`), corrupt, of another type, or written by another program. Such a value
   * reads as no login (the next login overwrites it) and is never thrown to the caller; this is
   * how a wrong key shows.
   * @default a Node process warning (`process.emitWarning`), once per key until it reads again
   */
  onUnreadable?: ((error: TokenStoreError) => void) | undefined;
  /**
   * How long a Redis command of the store may take, from the call to the reply, before it fails:
   * while the client has no connection (Redis down, the client reconnecting), and while a sent
   * command waits for a reply that does not come (Redis stopped, a half-open connection). Each
   * attempt to take the lock waits no longer than this either. So no token operation hangs on Redis.
   * @default 5000
   */
  commandTimeoutMs?: number | undefined;
}

const OPTION_KEYS = {
  encryptionKey: true,
  prefix: true,
  onUnreadable: true,
  commandTimeoutMs: true,
} as const satisfies OptionKeys<RedisTokenStoreOptions>;

/** A `TokenStore` on Redis, with the refresh lock that makes one refresh at a time across processes. */
export interface RedisTokenStore extends TokenStore {
  /**
   * See `TokenStore.lock`: `SET NX PX` with a random token, renewed every third of `ttlMs` while
   * held (its `lost` signal aborts when it cannot be), released by a compare-and-delete script.
   */
  lock(name: string, ttlMs: number, signal?: AbortSignal): Promise<ReleaseLock>;
}

/**
 * The OAuth logins of `@mcpx/auth` on Redis, shared by every process that uses the same Redis,
 * `prefix` and `encryptionKey`: one process logs in (or refreshes), the others use its tokens.
 * Every value is encrypted at rest (AES-256-GCM, a random IV per value, bound to its key), and
 * keys are named by an HMAC of the login's key, so no token, secret or URL is readable in Redis. The
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
  checkOptions(options, OPTION_KEYS, { where: 'redisTokenStore(client, options)' });
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const commandTimeoutMs = integerOption('commandTimeoutMs', options.commandTimeoutMs, { fallback: 5_000, min: 1 }, (message) => {
    throw new ConfigError(`redisTokenStore(client, options): ${message}`);
  });
  // rejectInFlight: without it the timeout covers only the wait before a command is sent.
  const redis = client.withCommandOptions({ timeout: commandTimeoutMs, rejectInFlight: true });
  // scrypt runs once, off the event loop; the first operation waits for it.
  const keys = storeKeys(parseKey(options.encryptionKey), prefix);
  // Not unhandled while no operation awaits it: each operation that does gets the failure.
  keys.catch(() => undefined);
  const logins = `${prefix}token:`;
  const loginKey = async (name: string): Promise<string> => logins + keyName(await keys, name);
  const warned = new Set<string>();
  const report =
    options.onUnreadable ??
    ((error: TokenStoreError): void => {
      process.emitWarning(error.message, { type: 'McpxWarning', code: error.code });
    });

  const unreadable = (redisKey: string, why: string, cause: unknown): undefined => {
    if (warned.has(redisKey) && options.onUnreadable === undefined) return undefined;
    warned.add(redisKey);
    report(
      new TokenStoreError(
        `the login at ${redisKey} in Redis cannot be read (${why}), so it counts as no login: check that every process has the same encryptionKey and prefix; the next login overwrites it`,
        { cause, isRetryable: false },
      ),
    );
    return undefined;
  };

  const read = (aes: Buffer, redisKey: string, value: string | null): { key: string; login: StoredLogin } | undefined => {
    if (value === null) return undefined;
    try {
      const payload: unknown = JSON.parse(decrypt(aes, value, redisKey));
      if (!isPayload(payload)) throw new Error('it decrypts, but is not a stored login');
      warned.delete(redisKey);
      return payload;
    } catch (error) {
      return unreadable(redisKey, (error as Error).message, error);
    }
  };

  return {
    async get(name) {
      const redisKey = await loginKey(name);
      let value: string | null;
      try {
        value = await redis.get(redisKey);
      } catch (error) {
        // A foreign value of another type (a hash, a list) is unreadable, not a failure of the store.
        if (isWrongType(error)) return unreadable(redisKey, 'it is not a string', error);
        throw error;
      }
      const found = read((await keys).aes, redisKey, value);
      return found?.key === name ? found.login : undefined;
    },
    async set(name, login) {
      const redisKey = await loginKey(name);
      // SET replaces a value of any type, a foreign one included.
      await redis.set(redisKey, encrypt((await keys).aes, JSON.stringify({ key: name, login }), redisKey));
    },
    async delete(name) {
      await redis.del(await loginKey(name));
    },
    async list() {
      const { aes } = await keys;
      const found: Array<{ key: string; login: StoredLogin }> = [];
      for await (const redisKeys of redis.scanIterator({ MATCH: prefixPattern(logins), COUNT: 100, TYPE: 'string' })) {
        if (redisKeys.length === 0) continue;
        const values = await redis.mGet(redisKeys);
        redisKeys.forEach((redisKey, index) => {
          const entry = read(aes, redisKey, values[index] ?? null);
          if (entry !== undefined) found.push(entry);
        });
      }
      return found;
    },
    async lock(name, ttlMs, signal) {
      return takeLock(client, `${prefix}token-lock:${keyName(await keys, name)}`, ttlMs, commandTimeoutMs, signal);
    },
  };
}

/** Whether a decrypted value is what `set()` writes: the login's key and the login. */
function isPayload(value: unknown): value is { key: string; login: StoredLogin } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string' &&
    isStoredLogin((value as { login?: unknown }).login)
  );
}
