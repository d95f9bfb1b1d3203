import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { ConfigError } from '@mcpx/core';

/**
 * The key values are encrypted with: 32 raw bytes, or a string. A string of 64 hex digits, or
 * the base64 (or base64url) of 32 bytes, is that key; any other string is a passphrase of at
 * least 16 characters, stretched with scrypt (N=2^15, r=8, p=1) under a salt made of the store's
 * prefix, so that every process with the same passphrase and prefix gets the same key.
 */
export type EncryptionKey = Uint8Array | string;

/** The first byte of every value: the format (AES-256-GCM, 12-byte IV, 16-byte tag). */
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MIN_PASSPHRASE_LENGTH = 16;

/** The 32-byte AES key for `key`; `prefix` salts a passphrase. Throws a `ConfigError` for a key that cannot be one. */
export function aesKey(key: EncryptionKey, prefix: string): Buffer {
  if (typeof key !== 'string') {
    if (key.byteLength !== KEY_BYTES)
      throw new ConfigError(
        `the encryptionKey of redisTokenStore() has ${key.byteLength} bytes, not ${KEY_BYTES}; give 32 random bytes (crypto.randomBytes(32)), their hex or base64, or a passphrase of 16 characters or more`,
      );
    return Buffer.from(key);
  }
  if (/^[0-9a-f]{64}$/i.test(key)) return Buffer.from(key, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(key)) return Buffer.from(key, key.includes('-') || key.includes('_') ? 'base64url' : 'base64');
  if (key.length < MIN_PASSPHRASE_LENGTH)
    throw new ConfigError(
      `the encryptionKey of redisTokenStore() is a passphrase of ${key.length} characters, too short to protect tokens: ` +
        `use ${MIN_PASSPHRASE_LENGTH} characters or more, or 32 random bytes as hex or base64 (openssl rand -base64 32)`,
    );
  return scryptSync(key, `mcpx-redis-token-store:${prefix}`, KEY_BYTES, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/**
 * `plaintext` encrypted with AES-256-GCM under a random IV, bound to `context` (the Redis key, as
 * additional authenticated data, so that a value copied under another key does not decrypt), as
 * base64 of: the format byte, the IV, the ciphertext and the tag.
 */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), iv, body, cipher.getAuthTag()]).toString('base64');
}

/**
 * The plaintext of a value `encrypt()` made for `context`. Throws when it cannot be: another
 * format, another key or context, or a value changed since.
 */
export function decrypt(key: Buffer, value: string, context: string): string {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_V1)
    throw new Error(bytes.length === 0 ? 'it is not base64' : 'it is not in the format of @mcpx/redis (version 1)');
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new Error('it does not decrypt: it was encrypted with another key, or changed since', { cause: error });
  }
}
