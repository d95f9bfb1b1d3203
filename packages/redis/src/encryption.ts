import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { ConfigError } from '@mcpx/core';

/**
 * The key values are encrypted with: 32 raw bytes, or a string. A string `base64:<the base64 of
 * 32 bytes>` or `hex:<64 hex digits>` is that key; any other string is a passphrase of at least
 * 16 characters, stretched with scrypt (N=2^15, r=8, p=1) under a salt made of the store's
 * prefix, so that every process with the same passphrase and prefix gets the same key.
 */
export type EncryptionKey = Uint8Array | string;

/** The first byte of every value: the format (AES-256-GCM, 12-byte IV, 16-byte tag, the format byte in the AAD). */
const FORMAT_V2 = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MIN_PASSPHRASE_LENGTH = 16;
const FORMS =
  'give 32 random bytes (crypto.randomBytes(32)), "base64:" and their base64 (openssl rand -base64 32), "hex:" and their hex, or a passphrase of 16 characters or more';

/** The keys a store works with, all from its `encryptionKey`: one encrypts values, the other names keys. */
export interface StoreKeys {
  /** The AES-256-GCM key of the values. */
  readonly aes: Buffer;
  /** The HMAC-SHA256 key that names a login's Redis keys, so that no URL shows in a key name. */
  readonly names: Buffer;
}

/**
 * The raw key of `key` at once, or the passphrase to stretch. Throws a `ConfigError` for a key
 * that cannot be one, so that `redisTokenStore()` fails where it is called.
 */
export function parseKey(key: EncryptionKey): { raw: Buffer } | { passphrase: string } {
  if (typeof key !== 'string') {
    if (key.byteLength !== KEY_BYTES)
      throw new ConfigError(`the encryptionKey of redisTokenStore() has ${key.byteLength} bytes, not ${KEY_BYTES}; ${FORMS}`);
    return { raw: Buffer.from(key) };
  }
  const raw = rawKey(key);
  if (raw !== undefined) return { raw };
  if (key.length < MIN_PASSPHRASE_LENGTH)
    throw new ConfigError(
      `the encryptionKey of redisTokenStore() is a passphrase of ${key.length} characters, too short to protect tokens: ${FORMS}`,
    );
  return { passphrase: key };
}

/** The 32 bytes of a `base64:` or `hex:` key; undefined for a passphrase; throws for a malformed one. */
function rawKey(key: string): Buffer | undefined {
  const form = /^(base64|hex):(.*)$/s.exec(key);
  if (form === null) return undefined;
  const [, kind, body = ''] = form;
  const valid = kind === 'hex' ? /^[0-9a-f]{64}$/i.test(body) : /^[A-Za-z0-9+/_-]{43}=?$/.test(body);
  if (!valid)
    throw new ConfigError(
      `the encryptionKey of redisTokenStore() begins with "${kind}:" but what follows is not ${kind === 'hex' ? '64 hex digits' : 'the base64 of 32 bytes'}; ${FORMS}`,
    );
  return Buffer.from(body, kind === 'hex' ? 'hex' : /[-_]/.test(body) ? 'base64url' : 'base64');
}

/**
 * The keys of a store from its parsed `encryptionKey`; `prefix` salts a passphrase. scrypt runs
 * off the event loop (it costs about 100 ms). The key that names keys is derived from the AES key
 * with HKDF, so that one secret gives both.
 */
export async function storeKeys(parsed: { raw: Buffer } | { passphrase: string }, prefix: string): Promise<StoreKeys> {
  const aes =
    'raw' in parsed
      ? parsed.raw
      : await new Promise<Buffer>((resolve, reject) => {
          scrypt(
            parsed.passphrase,
            `mcpx-redis-token-store:${prefix}`,
            KEY_BYTES,
            { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
            (error, derived) => (error === null ? resolve(derived) : reject(error)),
          );
        });
  const names = Buffer.from(hkdfSync('sha256', aes, Buffer.alloc(0), 'mcpx-redis-token-store key names', KEY_BYTES));
  return { aes, names };
}

/** The name of `loginKey` in Redis: its HMAC-SHA256 under the store's naming key, in hex. */
export function keyName(keys: StoreKeys, loginKey: string): string {
  return createHmac('sha256', keys.names).update(loginKey, 'utf8').digest('hex');
}

/**
 * `plaintext` encrypted with AES-256-GCM under a random IV, bound to `context` (the Redis key, as
 * additional authenticated data after the format byte, so that a value copied under another key does
 * not decrypt), as
 * base64 of: the format byte, the IV, the ciphertext and the tag.
 */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V2), iv, body, cipher.getAuthTag()]).toString('base64');
}

/**
 * The plaintext of a value `encrypt()` made for `context`. Throws when it cannot be: another
 * format, another key or context, or a value changed since.
 */
export function decrypt(key: Buffer, value: string, context: string): string {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_V2)
    throw new Error(bytes.length === 0 ? 'it is not base64' : 'it is not in the format of @mcpx/redis (version 2)');
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new Error('it does not decrypt: it was encrypted with another key, or changed since', { cause: error });
  }
}

/** The additional authenticated data of a value: its format byte, then its context. */
function aad(context: string): Buffer {
  return Buffer.concat([Buffer.of(FORMAT_V2), Buffer.from(context, 'utf8')]);
}
