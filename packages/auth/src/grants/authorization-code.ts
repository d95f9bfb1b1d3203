import * as oauth from 'oauth4webapi';
import { requestAuthorization, type UserAgent } from '../flows/authorization-code.js';
import type { LoopbackRedirect } from '../flows/loopback-redirect.js';
import { tokenRequest } from '../token-endpoint.js';
import type { StoredTokens } from '../store/token-store.js';
import type { GrantContext } from './grant-context.js';

/**
 * The authorization code grant with PKCE: sends the user to the browser, waits for the
 * loopback redirect, and exchanges the code (with the same `resource`) for tokens.
 */
export async function authorizationCode(context: GrantContext, redirect: LoopbackRedirect, userAgent: UserAgent): Promise<StoredTokens> {
  const { endpoint } = context;
  const grant = await requestAuthorization({
    server: context.server,
    clientId: endpoint.client.client_id,
    redirect,
    resource: context.resource,
    scope: context.scope,
    userAgent,
    timeoutMs: context.options.loginTimeoutMs,
    signal: context.signal,
  });
  // `iss` and `state` are checked already; oauth4webapi wants the parameters it validated.
  const parameters = oauth.validateAuthResponse(endpoint.server, endpoint.client, grant.parameters, oauth.skipStateCheck);
  return tokenRequest(
    endpoint,
    'token request',
    (options) =>
      oauth.authorizationCodeGrantRequest(
        endpoint.server,
        endpoint.client,
        endpoint.clientAuth,
        parameters,
        redirect.redirectUri,
        grant.codeVerifier,
        { ...options, additionalParameters: { resource: context.resource } },
      ),
    (response) => oauth.processAuthorizationCodeResponse(endpoint.server, endpoint.client, response),
  );
}

/** The refresh token grant, with the same `resource`. */
export function refresh(context: Pick<GrantContext, 'endpoint' | 'resource' | 'scope'>, refreshToken: string): Promise<StoredTokens> {
  const { endpoint } = context;
  return tokenRequest(
    endpoint,
    'refresh',
    (options) =>
      oauth.refreshTokenGrantRequest(endpoint.server, endpoint.client, endpoint.clientAuth, refreshToken, {
        ...options,
        additionalParameters: { resource: context.resource },
      }),
    (response) => oauth.processRefreshTokenResponse(endpoint.server, endpoint.client, response),
  );
}
