import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asTable, describeValue, FieldReader } from './fields.js';
import { readKeys } from './keys.js';
import { readGrant } from './oauth-grant.js';
import { compact } from './policies.js';
import type { Report } from './problem.js';
import { OAUTH_KEYS } from './server-keys.js';
import type { OAuthConfig } from './types.js';

/** Where the problems of an `oauth` table go. */
export interface OAuthContext {
  readonly report: Report;
  /** For problems that depend on this machine: a missing `privateKeyFile`. */
  readonly machineReport: Report;
  /** Where a relative `privateKeyFile` or `tokenFile` starts. */
  readonly baseDir: string;
}

const AUTH_METHODS: readonly NonNullable<OAuthConfig['tokenEndpointAuthMethod']>[] = [
  'none',
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
];
const KEY_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const DPOP_ALGS: readonly ('ES256' | 'RS256' | 'PS256' | 'EdDSA')[] = ['ES256', 'RS256', 'PS256', 'EdDSA'];
const PEM_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * The `oauth` table of a remote server (Cursor's `auth` too): false when turned off, undefined
 * when absent or wrong (reported). `headers` are the server's, to refuse an `Authorization`
 * header beside OAuth settings.
 */
export function readOAuth(
  fields: FieldReader,
  headers: Readonly<Record<string, string>>,
  context: OAuthContext,
): OAuthConfig | false | undefined {
  const found = fields.raw('oauth');
  if (found === undefined || found.value === false) return found === undefined ? undefined : false;
  const table = found.value === true ? {} : asTable(found.value);
  if (table === undefined) {
    return fields.wrong(
      'oauth',
      `must be false or a table, got ${describeValue(found.value)}`,
      'write false to turn OAuth off, or a table such as { "clientId": "..." }',
    );
  }
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
    return fields.wrong(
      'oauth',
      'conflicts with the "Authorization" header',
      'remove the header to log in with OAuth, or write "oauth": false to send the header only',
    );
  }
  const path = `${fields.keyOf('oauth')}.`;
  const keys = readKeys(table, OAUTH_KEYS, context.report, path);
  const unresolved = fields.isUnresolved('oauth');
  const reader = new FieldReader(keys, context.report, path, unresolved ? new Set(keys.keys()) : new Set());
  const privateKey = readPrivateKey(reader, context);
  const config: OAuthConfig = compact({
    clientId: reader.text('clientId', { nonEmpty: true }),
    clientSecret: reader.text('clientSecret', { nonEmpty: true }),
    privateKey,
    privateKeyAlg: reader.oneOf('privateKeyAlg', KEY_ALGS),
    tokenEndpointAuthMethod: reader.oneOf('tokenEndpointAuthMethod', AUTH_METHODS),
    clientMetadataUrl: reader.text('clientMetadataUrl', {
      pattern: /^https:\/\/[^/]+\/./,
      patternFix:
        'write the HTTPS URL where the client metadata document is served, with a path, such as "https://example.com/mcpx-client.json"',
    }),
    clientName: reader.text('clientName', { nonEmpty: true }),
    scopes: readScopes(reader),
    redirectPort: readPort(reader),
    dpop: readDpop(reader, context.report),
    grant: readGrant(reader, { report: context.report, baseDir: context.baseDir, path, unresolved }),
  });
  if (!unresolved) checkCombination(reader, config);
  return config;
}

function readPrivateKey(reader: FieldReader, context: OAuthContext): string | undefined {
  if (reader.has('privateKey') && reader.has('privateKeyFile'))
    return reader.wrong('privateKeyFile', `conflicts with "${reader.keyOf('privateKey')}"`, 'keep one of them');
  if (reader.has('privateKey')) {
    const pem = reader.text('privateKey', { nonEmpty: true });
    if (pem === undefined || reader.isUnresolved('privateKey') || PEM_KEY.test(pem)) return pem;
    return reader.wrong(
      'privateKey',
      'is not a PEM private key',
      'give a PKCS#8 key ("-----BEGIN PRIVATE KEY-----..."), usually as "${VAR}" or with "privateKeyFile"',
    );
  }
  const file = reader.text('privateKeyFile', { nonEmpty: true });
  if (file === undefined || reader.isUnresolved('privateKeyFile')) return undefined;
  const path = resolve(context.baseDir, file);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    context.machineReport(
      reader.keyOf('privateKeyFile'),
      `${path} ${reason}`,
      'create it or fix the path; a relative path starts at the folder of the config file',
    );
    return undefined;
  }
  if (!PEM_KEY.test(pem))
    return reader.wrong(
      'privateKeyFile',
      `${path} does not hold a PEM private key`,
      'write a PKCS#8 key ("-----BEGIN PRIVATE KEY-----...") in it',
    );
  return pem;
}

/** A list of scopes, or one space-separated string (Claude Code's `scopes`, OAuth's `scope`). */
function readScopes(reader: FieldReader): string[] | undefined {
  const found = reader.raw('scopes');
  if (found === undefined) return undefined;
  const scopes = typeof found.value === 'string' ? found.value.split(/\s+/).filter((scope) => scope !== '') : reader.strings('scopes');
  if (scopes === undefined || reader.isUnresolved('scopes')) return scopes;
  if (scopes.length === 0)
    return reader.wrong(
      'scopes',
      'holds no scope',
      'list the scopes to ask for, such as ["read", "write"], or remove it to let the server decide',
    );
  const bad = scopes.find((scope) => !SCOPE.test(scope));
  if (bad !== undefined)
    return reader.wrong(
      'scopes',
      `${JSON.stringify(bad)} is not a scope`,
      'write each scope as one word without spaces or quotes, such as "read"',
    );
  return scopes;
}

function readPort(reader: FieldReader): number | undefined {
  const port = reader.integer('redirectPort', 0);
  if (port === undefined || port <= 65535) return port;
  return reader.wrong(
    'redirectPort',
    `${port} is not a port number`,
    'write a port from 1 to 65535, the one registered in the redirect URI http://127.0.0.1:<port>/callback, or 0 for any free port',
  );
}

function readDpop(reader: FieldReader, report: Report): OAuthConfig['dpop'] {
  const found = reader.raw('dpop');
  if (found === undefined || typeof found.value === 'boolean') return reader.bool('dpop');
  const table = asTable(found.value);
  if (table === undefined)
    return reader.wrong(
      'dpop',
      `must be true, false or a table, got ${describeValue(found.value)}`,
      'write true to bind tokens with an ES256 key, or { "alg": "EdDSA" }',
    );
  const path = `${reader.keyOf('dpop')}.`;
  const keys = readKeys(table, { keys: ['alg'] }, report, path);
  const alg = new FieldReader(keys, report, path, reader.isUnresolved('dpop') ? new Set(['alg']) : new Set()).oneOf('alg', DPOP_ALGS);
  return alg === undefined ? undefined : { alg };
}

/** Settings that need one another: a grant's credentials, an authentication method's secret or key. */
function checkCombination(reader: FieldReader, config: OAuthConfig): void {
  if (config.clientSecret !== undefined && !reader.has('clientId')) {
    reader.wrong('clientSecret', `needs "${reader.keyOf('clientId')}"`, 'add "clientId": the ID of the client the secret belongs to');
  }
  if (
    config.grant?.type === 'client_credentials' &&
    (config.clientId === undefined || (config.clientSecret === undefined && config.privateKey === undefined))
  ) {
    reader.wrong(
      'grant',
      'the client_credentials grant needs "clientId" with "clientSecret" or "privateKey"',
      'add the credentials of the client registered for this machine',
    );
  }
  const method = config.tokenEndpointAuthMethod;
  if ((method === 'client_secret_basic' || method === 'client_secret_post') && !reader.has('clientSecret')) {
    reader.wrong(
      'tokenEndpointAuthMethod',
      `${method} needs "clientSecret"`,
      'add "clientSecret", or remove the method to let mcpx choose',
    );
  }
  if (method === 'private_key_jwt' && !reader.has('privateKey') && !reader.has('privateKeyFile')) {
    reader.wrong(
      'tokenEndpointAuthMethod',
      'private_key_jwt needs "privateKey" or "privateKeyFile"',
      "add the client's private key, or remove the method to let mcpx choose",
    );
  }
}
