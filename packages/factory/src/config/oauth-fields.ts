import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asTable, describeValue, FieldReader } from './fields.js';
import { readKeys, type KeySpec } from './keys.js';
import type { Report } from './problem.js';
import type { OAuthConfig, OAuthGrantType } from './types.js';

/**
 * The keys of an `oauth` table, with the spellings of other hosts: Claude Code's
 * `callbackPort` (and its `scopes` string), Cursor's `auth` table with `CLIENT_ID`,
 * `CLIENT_SECRET` and a `scopes` array.
 */
export const OAUTH_KEYS: KeySpec = {
  keys: [
    'clientId',
    'clientSecret',
    'privateKey',
    'privateKeyFile',
    'privateKeyAlg',
    'tokenEndpointAuthMethod',
    'clientMetadataUrl',
    'clientName',
    'scopes',
    'redirectPort',
    'dpop',
    'grant',
    'idToken',
    'idpTokenEndpoint',
    'idpClientId',
    'idpClientSecret',
    'tokenFile',
  ],
  aliases: { CLIENT_ID: 'clientId', CLIENT_SECRET: 'clientSecret', callbackPort: 'redirectPort', scope: 'scopes' },
  // Claude Code's override of discovery: mcpx always discovers (and checks) the metadata.
  ignored: ['authServerMetadataUrl'],
};

const GRANTS: readonly OAuthGrantType[] = ['authorization_code', 'client_credentials', 'enterprise', 'workload_identity'];
const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

/** `oauth` (or Cursor's `auth`): false, or a table of OAuth settings; undefined when absent. */
export function readOAuth(fields: FieldReader, report: Report, baseDir: string): OAuthConfig | false | undefined {
  if (!fields.has('oauth')) return undefined;
  const value = fields.raw('oauth')?.value;
  if (value === false) return false;
  if (value === true) return {};
  const table = asTable(value);
  if (table === undefined) return fields.wrong('oauth', `must be false or a table, got ${describeValue(value)}`, 'write false to turn OAuth off, or a table such as { "clientId": "..." }');
  const path = `${fields.keyOf('oauth')}.`;
  const reader = new FieldReader(readKeys(table, OAUTH_KEYS, report, path), report, path);
  const grant = reader.oneOf('grant', GRANTS);
  const tokenFile = reader.text('tokenFile', { nonEmpty: true });
  const config: OAuthConfig = compactConfig({
    clientId: reader.text('clientId', { nonEmpty: true }),
    clientSecret: reader.text('clientSecret', { nonEmpty: true }),
    privateKey: readPrivateKey(reader, report, baseDir),
    privateKeyAlg: reader.text('privateKeyAlg', { nonEmpty: true }),
    tokenEndpointAuthMethod: reader.oneOf('tokenEndpointAuthMethod', AUTH_METHODS),
    clientMetadataUrl: reader.text('clientMetadataUrl', { pattern: /^https:\/\/[^/]+\/./, patternFix: 'write the HTTPS URL where the client metadata document is published' }),
    clientName: reader.text('clientName', { nonEmpty: true }),
    scopes: readScopes(reader),
    redirectPort: readPort(reader),
    dpop: reader.bool('dpop'),
    grant,
    idToken: reader.text('idToken', { nonEmpty: true }),
    idpTokenEndpoint: reader.text('idpTokenEndpoint', { nonEmpty: true }),
    idpClientId: reader.text('idpClientId', { nonEmpty: true }),
    idpClientSecret: reader.text('idpClientSecret', { nonEmpty: true }),
    tokenFile: tokenFile === undefined ? undefined : resolve(baseDir, tokenFile),
  });
  checkGrant(config, reader);
  return config;
}

function readScopes(reader: FieldReader): string[] | undefined {
  const value = reader.raw('scopes')?.value;
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(/\s+/).filter((scope) => scope !== '');
  return reader.strings('scopes');
}

function readPort(reader: FieldReader): number | undefined {
  const port = reader.integer('redirectPort', 0);
  if (port !== undefined && port > 65535) return reader.wrong('redirectPort', `${port} is not a port number`, 'write a port from 1 to 65535, or 0 (or nothing) for a free one');
  return port;
}

/** `privateKey` as PEM text, or the contents of `privateKeyFile` (relative to the config file). */
function readPrivateKey(reader: FieldReader, report: Report, baseDir: string): string | undefined {
  const inline = reader.text('privateKey', { nonEmpty: true });
  const file = reader.text('privateKeyFile', { nonEmpty: true });
  if (inline !== undefined && file !== undefined) return reader.wrong('privateKeyFile', 'conflicts with "privateKey"', 'keep one of the two');
  if (file === undefined) return inline;
  const path = resolve(baseDir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    report(reader.keyOf('privateKeyFile'), `${path} cannot be read (${(error as Error).message})`, 'fix the path; a relative path starts at the folder of the config file');
    return undefined;
  }
}

function checkGrant(config: OAuthConfig, reader: FieldReader): void {
  const grant = config.grant ?? 'authorization_code';
  const needs = (field: keyof OAuthConfig, why: string): void => {
    if (config[field] === undefined) reader.wrong(field, `is required for the ${grant} grant`, why);
  };
  if (grant === 'client_credentials') {
    needs('clientId', 'add the client ID registered for this service');
    if (config.clientSecret === undefined && config.privateKey === undefined) reader.wrong('clientSecret', 'or "privateKey" is required for the client_credentials grant', 'add the client secret, or a private key for private_key_jwt');
  }
  if (grant === 'enterprise') {
    needs('idToken', 'add the ID token from your identity provider, such as "${IDP_ID_TOKEN}"');
    needs('idpTokenEndpoint', "add the identity provider's token endpoint URL");
  }
  if (grant === 'workload_identity') needs('tokenFile', 'add the file the platform mounts the workload token in');
}

function compactConfig(config: { [K in keyof OAuthConfig]: OAuthConfig[K] | undefined }): OAuthConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as OAuthConfig;
}
