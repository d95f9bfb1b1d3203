import * as oauth from 'oauth4webapi';
import { OAuthError } from '../oauth-error.js';
import { tokenRequest, type TokenEndpoint } from '../token-endpoint.js';
import { parseUrl, requireSecureUrl } from '../url-policy.js';
import type { GrantContext } from './grant-context.js';
import { jwtBearer, reveal } from './machine-grants.js';
import type { StoredTokens } from '../store/token-store.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
/** The token type of an identity assertion authorization grant (ID-JAG). */
export const ID_JAG = 'urn:ietf:params:oauth:token-type:id-jag';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';

/**
 * Enterprise-managed authorization: exchanges the user's identity assertion at the
 * identity provider (RFC 8693) for an identity assertion grant aimed at the MCP server's
 * authorization server, then presents that grant there as a JWT bearer assertion.
 */
export async function enterprise(context: GrantContext): Promise<StoredTokens> {
  const grant = context.options.grant;
  if (grant.type !== 'enterprise') throw new TypeError('not an enterprise grant');
  const idpUrl = requireSecureUrl(
    parseUrl(grant.idpTokenEndpoint, '"idpTokenEndpoint"', 'token request'),
    'the identity provider token endpoint',
    'token request',
  );
  const clientId = grant.idpClientId ?? context.endpoint.client.client_id;
  // The authorization server's client secret is not the identity provider's: another party.
  const secret = grant.idpClientSecret;
  const idp: TokenEndpoint = {
    server: { issuer: idpUrl.origin, token_endpoint: idpUrl.href },
    client: { client_id: clientId },
    clientAuth: secret === undefined ? oauth.None() : oauth.ClientSecretPost(secret),
    http: context.endpoint.http,
    dpop: undefined,
  };
  const parameters = {
    requested_token_type: ID_JAG,
    subject_token: await reveal(grant.idToken, 'the identity assertion ("idToken")'),
    subject_token_type: ID_TOKEN,
    audience: context.server.issuer,
    resource: context.resource,
    ...(context.scope ? { scope: context.scope } : {}),
  };
  const exchanged = await tokenRequest(
    idp,
    'token request',
    (options) => oauth.genericTokenEndpointRequest(idp.server, idp.client, idp.clientAuth, TOKEN_EXCHANGE, parameters, options),
    (response) =>
      oauth.processGenericTokenEndpointResponse(idp.server, idp.client, response, { recognizedTokenTypes: { n_a: () => undefined } }),
  );
  if (!exchanged.accessToken)
    throw new OAuthError('token request', `${idpUrl.href} answered the token exchange without an identity assertion grant`, {
      hint: 'check the identity provider configuration',
    });
  return jwtBearer(context, exchanged.accessToken);
}
