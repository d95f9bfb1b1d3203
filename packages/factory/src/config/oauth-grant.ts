import { resolve } from 'node:path';
import { asTable, describeValue, FieldReader } from './fields.js';
import { readKeys } from './keys.js';
import type { Report } from './problem.js';
import { GRANT_KEYS } from './server-keys.js';
import type { OAuthGrantConfig } from './types.js';

const GRANT_TYPES: readonly OAuthGrantConfig['type'][] = ['authorization_code', 'client_credentials', 'enterprise', 'workload_identity'];

/** The fields each grant takes besides `type`. */
const GRANT_FIELDS: Record<OAuthGrantConfig['type'], readonly string[]> = {
  authorization_code: [],
  client_credentials: [],
  enterprise: ['idToken', 'idpTokenEndpoint', 'idpClientId', 'idpClientSecret'],
  workload_identity: ['token', 'tokenFile'],
};

/** Where the grant's problems go and where its relative paths start. */
export interface GrantContext {
  readonly report: Report;
  readonly baseDir: string;
  /** The path of the `oauth` table, such as `oauth.`. */
  readonly path: string;
  /** Whether some variable in the `oauth` table could not be expanded (reported already): leave values unchecked. */
  readonly unresolved: boolean;
}

/**
 * `oauth.grant`: a grant type alone (`"client_credentials"`) or a table with `type` and the
 * fields of that grant. Undefined when absent or wrong (reported).
 */
export function readGrant(fields: FieldReader, context: GrantContext): OAuthGrantConfig | undefined {
  const found = fields.raw('grant');
  if (found === undefined) return undefined;
  if (typeof found.value === 'string') {
    const type = fields.oneOf('grant', GRANT_TYPES);
    if (type === undefined) return undefined;
    if (GRANT_FIELDS[type].length > 0) {
      return fields.wrong(
        'grant',
        `the ${type} grant needs settings`,
        `write it as a table: { "type": "${type}", ${type === 'enterprise' ? '"idToken": "${ID_TOKEN}", "idpTokenEndpoint": "https://idp.example.com/token"' : '"tokenFile": "/var/run/secrets/token"'} }`,
      );
    }
    return { type } as OAuthGrantConfig;
  }
  const table = asTable(found.value);
  if (table === undefined) {
    return fields.wrong(
      'grant',
      `must be a grant type or a table, got ${describeValue(found.value)}`,
      `write one of ${GRANT_TYPES.join(', ')}, or a table such as { "type": "client_credentials" }`,
    );
  }
  const path = `${fields.keyOf('grant')}.`;
  const keys = readKeys(table, GRANT_KEYS, context.report, path);
  const reader = new FieldReader(keys, context.report, path, context.unresolved ? new Set(keys.keys()) : new Set());
  if (!reader.has('type')) return reader.wrong('type', 'is required', `add "type": one of ${GRANT_TYPES.join(', ')}`);
  const type = reader.oneOf('type', GRANT_TYPES);
  if (type === undefined) return undefined;
  let ok = true;
  for (const name of GRANT_KEYS.keys) {
    if (name === 'type' || !reader.has(name) || GRANT_FIELDS[type].includes(name)) continue;
    ok = false;
    reader.wrong(name, `does not apply to the ${type} grant`, 'remove it, or change the grant\'s "type"');
  }
  const grant =
    type === 'enterprise'
      ? readEnterprise(reader)
      : type === 'workload_identity'
        ? readWorkload(reader, context.baseDir)
        : ({ type } as OAuthGrantConfig);
  return ok ? grant : undefined;
}

function readEnterprise(reader: FieldReader): OAuthGrantConfig | undefined {
  const idToken = reader.text('idToken', { nonEmpty: true });
  const idpTokenEndpoint = reader.text('idpTokenEndpoint', { nonEmpty: true });
  const idpClientId = reader.text('idpClientId', { nonEmpty: true });
  const idpClientSecret = reader.text('idpClientSecret', { nonEmpty: true });
  if (!reader.has('idToken'))
    reader.wrong(
      'idToken',
      'is required for the enterprise grant',
      'add "idToken": the identity provider\'s ID token, such as "${ID_TOKEN}"',
    );
  if (!reader.has('idpTokenEndpoint'))
    reader.wrong(
      'idpTokenEndpoint',
      'is required for the enterprise grant',
      'add "idpTokenEndpoint": the identity provider\'s token endpoint URL',
    );
  if (idpTokenEndpoint !== undefined && !reader.isUnresolved('idpTokenEndpoint') && !/^https?:\/\/[^/]/i.test(idpTokenEndpoint)) {
    return reader.wrong(
      'idpTokenEndpoint',
      `${JSON.stringify(idpTokenEndpoint)} is not an http(s) URL`,
      'write the token endpoint URL, such as "https://idp.example.com/oauth2/token"',
    );
  }
  if (idToken === undefined || idpTokenEndpoint === undefined) return undefined;
  return {
    type: 'enterprise',
    idToken,
    idpTokenEndpoint,
    ...(idpClientId === undefined ? {} : { idpClientId }),
    ...(idpClientSecret === undefined ? {} : { idpClientSecret }),
  };
}

function readWorkload(reader: FieldReader, baseDir: string): OAuthGrantConfig | undefined {
  const token = reader.text('token', { nonEmpty: true });
  const tokenFile = reader.text('tokenFile', { nonEmpty: true });
  if (reader.has('token') && reader.has('tokenFile'))
    return reader.wrong('tokenFile', `conflicts with "${reader.keyOf('token')}"`, 'keep one of them');
  if (!reader.has('token') && !reader.has('tokenFile')) {
    return reader.wrong(
      'tokenFile',
      'is required for the workload_identity grant, unless "token" is given',
      'add "tokenFile": the file where the platform writes its token, such as "/var/run/secrets/tokens/mcp"',
    );
  }
  if (token !== undefined) return { type: 'workload_identity', token };
  // Read at each use, since platforms rotate it: a file missing now may be mounted where the server runs.
  return tokenFile === undefined ? undefined : { type: 'workload_identity', tokenFile: resolve(baseDir, tokenFile) };
}
