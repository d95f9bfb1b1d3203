import * as oauth from 'oauth4webapi';
import type { ServerMetadata } from './discovery/server-metadata.js';
import type { HttpSettings } from './http.js';
import { OAuthError, type OAuthStep } from './oauth-error.js';
import type { StoredTokens } from './store/token-store.js';
import { isLoopback, parseUrl, requireSecureUrl } from './url-policy.js';

/** What every token endpoint request shares. */
export interface TokenEndpoint {
  server: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  http: HttpSettings;
  /** The DPoP handle when tokens are bound to a key. */
  dpop: oauth.DPoPHandle | undefined;
}

/** The oauth4webapi view of server metadata, with its token endpoint checked. */
export function toOauthServer(metadata: ServerMetadata, step: OAuthStep): oauth.AuthorizationServer {
  requireSecureUrl(parseUrl(metadata.token_endpoint, 'the token_endpoint', step), 'the token endpoint', step);
  return metadata as unknown as oauth.AuthorizationServer;
}

/** The request options oauth4webapi takes: our fetch with a deadline, plain HTTP allowed on loopback only. */
export function requestOptions(endpoint: TokenEndpoint, url: string | undefined): oauth.TokenEndpointRequestOptions {
  const { http } = endpoint;
  return {
    [oauth.customFetch]: (target: string, init: oauth.CustomFetchOptions<string, unknown>) =>
      http.fetch(target, { ...(init as RequestInit), signal: AbortSignal.timeout(http.requestTimeoutMs) }),
    [oauth.allowInsecureRequests]: url !== undefined && isLoopback(new URL(url)),
    ...(endpoint.dpop ? { DPoP: endpoint.dpop } : {}),
  };
}

/**
 * Runs a token request, retrying once when a DPoP authorization server asks for a nonce
 * (RFC 9449 §8), and turns every failure into an `OAuthError` for `step`.
 */
export async function tokenRequest(endpoint: TokenEndpoint, step: OAuthStep, run: (options: oauth.TokenEndpointRequestOptions) => Promise<Response>, process: (response: Response) => Promise<oauth.TokenEndpointResponse>): Promise<StoredTokens> {
  const options = requestOptions(endpoint, endpoint.server.token_endpoint);
  for (let attempt = 0; ; attempt++) {
    try {
      return toStoredTokens(await process(await run(options)));
    } catch (error) {
      if (attempt === 0 && endpoint.dpop && oauth.isDPoPNonceError(error)) continue;
      throw tokenError(error, step, endpoint.server.token_endpoint ?? endpoint.server.issuer);
    }
  }
}

/** A token endpoint answer as stored. */
export function toStoredTokens(response: oauth.TokenEndpointResponse, now = Date.now()): StoredTokens {
  return {
    accessToken: response.access_token,
    tokenType: response.token_type === 'dpop' ? 'DPoP' : 'Bearer',
    refreshToken: response.refresh_token,
    expiresAt: typeof response.expires_in === 'number' ? now + response.expires_in * 1000 : undefined,
    scope: response.scope,
  };
}

/** Any failure of a token request as an `OAuthError` naming the step, the URL and what to do. */
export function tokenError(error: unknown, step: OAuthStep, url: string): Error {
  if (OAuthError.isInstance(error)) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const hint =
      error.error === 'invalid_grant' ? 'the grant expired or was revoked; log in again'
      : error.error === 'invalid_client' ? 'the client credentials were refused; check "clientId", "clientSecret" or the key'
      : error.error === 'invalid_scope' ? 'the scopes asked for are not allowed; check "scopes"'
      : 'try again, and tell the server operator if it keeps failing';
    return new OAuthError(step, `${url} refused the request (HTTP ${error.status})`, { cause: error, oauthError: error.error, description: error.error_description, hint });
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new OAuthError(step, `${url} answered something mcpx cannot use: ${error.message}`, { cause: error, hint: 'tell the server operator; the answer breaks the OAuth specification' });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new OAuthError(step, `${url} did not answer in time`, { cause: error, hint: 'check that the authorization server is up, then try again' });
  }
  const why = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
  return new OAuthError(step, `could not reach ${url}: ${why}`, { cause: error, hint: 'check that the authorization server is up and reachable, then try again' });
}
