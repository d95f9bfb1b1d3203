import { readFile } from 'node:fs/promises';
import * as oauth from 'oauth4webapi';
import { OAuthError } from '../oauth-error.js';
import type { Secret } from '../options.js';
import { tokenRequest } from '../token-endpoint.js';
import type { GrantContext } from './grant-context.js';
import type { StoredTokens } from '../store/token-store.js';

/** RFC 7523 §2.1: a JWT used as an authorization grant. */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The `resource` and `scope` every token request carries. */
function audience(context: GrantContext): Record<string, string> {
  return { resource: context.resource, ...(context.scope ? { scope: context.scope } : {}) };
}

/** Client credentials (RFC 6749 §4.4), authenticated by secret or by a signed assertion. */
export function clientCredentials(context: GrantContext): Promise<StoredTokens> {
  const { endpoint } = context;
  return tokenRequest(
    endpoint,
    'token request',
    (options) => oauth.clientCredentialsGrantRequest(endpoint.server, endpoint.client, endpoint.clientAuth, audience(context), options),
    (response) => oauth.processClientCredentialsResponse(endpoint.server, endpoint.client, response),
  );
}

/** A JWT bearer grant (RFC 7523) with `assertion`. */
export function jwtBearer(context: GrantContext, assertion: string): Promise<StoredTokens> {
  const { endpoint } = context;
  return tokenRequest(
    endpoint,
    'token request',
    (options) =>
      oauth.genericTokenEndpointRequest(
        endpoint.server,
        endpoint.client,
        endpoint.clientAuth,
        JWT_BEARER,
        { assertion, ...audience(context) },
        options,
      ),
    (response) => oauth.processGenericTokenEndpointResponse(endpoint.server, endpoint.client, response),
  );
}

/** Workload identity federation: the platform's token as a JWT bearer grant. */
export async function workloadIdentity(context: GrantContext): Promise<StoredTokens> {
  const grant = context.options.grant;
  if (grant.type !== 'workload_identity') throw new TypeError('not a workload identity grant');
  const token =
    grant.tokenFile !== undefined ? await readTokenFile(grant.tokenFile) : await reveal(grant.token, 'the workload identity token');
  return jwtBearer(context, token);
}

/** A secret's value, fetched when it is a callback. */
export async function reveal(secret: Secret | undefined, what: string): Promise<string> {
  const value = typeof secret === 'function' ? await secret() : secret;
  if (typeof value !== 'string' || value.trim() === '')
    throw new OAuthError('token request', `${what} is empty`, { hint: 'check where it comes from' });
  return value.trim();
}

async function readTokenFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OAuthError('token request', `could not read the workload identity token from ${file}: ${(error as Error).message}`, {
      cause: error,
      hint: 'check "tokenFile": the platform mounts the token there (for example a projected service account token)',
    });
  }
  return reveal(text, `the workload identity token in ${file}`);
}
