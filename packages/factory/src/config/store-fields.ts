import { redactUrl } from '@mcpx/core/internal';
import type { FieldReader } from './fields.js';
import type { Lookup } from './interpolate.js';
import type { KeySpec } from './keys.js';
import type { Report } from './problem.js';
import { readSettingsTable } from './settings-table.js';
import type { StoreConfig, StoreFallback } from './types.js';

/** The keys of the `store` table. */
export const STORE_KEYS: KeySpec = { keys: ['redis', 'prefix', 'fallback', 'tokenKey', 'connectTimeoutMs'] };

const FALLBACKS: readonly StoreFallback[] = ['none', 'memory'];
const SCHEMES = new Set(['redis:', 'rediss:']);
/**
 * The shortest `tokenKey`, as `redisTokenStore`'s `encryptionKey` takes it: 64 hex digits or the
 * base64 of 32 bytes is the key itself, and any other string is a passphrase of at least this many
 * characters (raw bytes cannot be written in a config).
 */
export const MIN_TOKEN_KEY_LENGTH = 16;
const EXAMPLE = '"store": { "redis": "redis://${REDIS_HOST}:6379" }';

/**
 * Validates the `store` table, with `${VAR}` expanded in every string; undefined when it has
 * problems, reported at `store.<field>`. An unset variable is a problem now, whatever the
 * servers: every command that uses the config uses its store.
 */
export function validateStore(value: unknown, lookup: Lookup, report: Report): StoreConfig | undefined {
  const table = readSettingsTable('store', value, STORE_KEYS, EXAMPLE, lookup, report);
  if (table === undefined) return undefined;
  const { fields, fail } = table;
  const redis = readUrl(fields, fail);
  const prefix = fields.text('prefix', { nonEmpty: true });
  const fallback = fields.oneOf('fallback', FALLBACKS) ?? 'none';
  const tokenKey = readTokenKey(fields);
  const connectTimeoutMs = fields.integer('connectTimeoutMs', 1);
  if (table.failed() || redis === undefined) return undefined;
  return {
    redis,
    fallback,
    ...(prefix === undefined ? {} : { prefix }),
    ...(tokenKey === undefined ? {} : { tokenKey }),
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
  };
}

/** A Redis URL's path: none, `/`, or `/` and a database number from 0 to 15. */
const DATABASE_PATH = /^(?:\/?|\/(?:[0-9]|1[0-5]))$/;

function readUrl(fields: FieldReader, report: Report): string | undefined {
  if (!fields.has('redis')) {
    report('store', 'has no "redis" URL', `write ${EXAMPLE}, or remove "store" to keep every process's state to itself`);
    return undefined;
  }
  if (fields.isUnresolved('redis')) return undefined;
  const url = fields.text('redis', { nonEmpty: true });
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not quoted: a string that is not a URL cannot be told apart from its password.
    return fields.wrong('redis', 'is not a URL', 'write redis://host:6379, or rediss://host:6380 for TLS');
  }
  if (!SCHEMES.has(parsed.protocol))
    return fields.wrong(
      'redis',
      `${JSON.stringify(redactUrl(url))} has the scheme "${parsed.protocol}", not redis: or rediss:`,
      'write redis://host:6379, or rediss://host:6380 for TLS',
    );
  if (parsed.hostname === '') return fields.wrong('redis', `${JSON.stringify(redactUrl(url))} has no host`, 'write redis://host:6379');
  // Redis reads the path as a database number: anything else would fail only when connecting.
  if (!DATABASE_PATH.test(parsed.pathname) || parsed.search !== '' || parsed.hash !== '')
    return fields.wrong(
      'redis',
      `${JSON.stringify(redactUrl(url))} has "${parsed.pathname}${parsed.search}${parsed.hash}" after its host, which is not a database number`,
      'end the URL at the port, or with a database number from 0 to 15: redis://host:6379/2',
    );
  return url;
}

function readTokenKey(fields: FieldReader): string | undefined {
  if (fields.isUnresolved('tokenKey')) return undefined;
  const key = fields.text('tokenKey', { nonEmpty: true });
  if (key === undefined) return key;
  // The forms redisTokenStore() takes: "base64:" or "hex:" and 32 bytes, or any other text as a passphrase.
  const form = /^(base64|hex):(.*)$/s.exec(key);
  if (form !== null) {
    const [, kind, body = ''] = form;
    if (kind === 'hex' ? /^[0-9a-f]{64}$/i.test(body) : /^[A-Za-z0-9+/_-]{43}=?$/.test(body)) return key;
    return fields.wrong(
      'tokenKey',
      `begins with "${kind}:" but what follows is not ${kind === 'hex' ? '64 hex digits' : 'the base64 of 32 bytes'}`,
      `give "base64:" and the base64 of 32 random bytes (openssl rand -base64 32), "hex:" and their hex, or a passphrase of ${MIN_TOKEN_KEY_LENGTH} characters or more, from an environment variable: "\${MCPX_TOKEN_KEY}"`,
    );
  }
  if (key.length >= MIN_TOKEN_KEY_LENGTH) return key;
  return fields.wrong(
    'tokenKey',
    `is a passphrase of ${key.length} characters, too short to protect tokens`,
    `use ${MIN_TOKEN_KEY_LENGTH} characters or more, or 32 random bytes written "base64:" and their base64 (openssl rand -base64 32) or "hex:" and their hex, from an environment variable: "\${MCPX_TOKEN_KEY}"`,
  );
}
