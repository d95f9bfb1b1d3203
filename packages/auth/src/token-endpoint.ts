import * as oauth from 'oauth4webapi';
import { chooseAuthMethod, clientAuthFor, type ClientCredentials, type TokenEndpointAuthMethod } from './client-auth.js';
import type { ServerMetadata } from './discovery/server-metadata.js';
import type { DpopKey } from './dpop.js';
import { capBody, type HttpSettings } from './http.js';
import { OAuthError, type OAuthStep } from './oauth-error.js';
import type { ResolvedOAuthOptions } from './options.js';
import { toOauthClient } from './registration.js';
import type { StoredClient, StoredTokens } from './store/token-store.js';
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

/**
 * The token endpoint of `metadata` for `client`: authenticating with the client's method, or
 * the best one the server and the credentials allow, and binding tokens to `dpop` when given.
 */
export async function tokenEndpointFor(
  options: ResolvedOAuthOptions,
  http: HttpSettings,
  metadata: ServerMetadata,
  client: StoredClient,
  dpop: DpopKey | undefined,
): Promise<TokenEndpoint> {
  const credentials: ClientCredentials = {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    privateKey: options.clientId === client.clientId ? options.privateKey : undefined,
    privateKeyAlg: options.privateKeyAlg,
    tokenEndpointAuthMethod: client.tokenEndpointAuthMethod as TokenEndpointAuthMethod | undefined,
  };
  const method = chooseAuthMethod(credentials, metadata);
  return {
    server: toOauthServer(metadata, 'token request'),
    client: { ...toOauthClient(client), token_endpoint_auth_method: method },
    clientAuth: await clientAuthFor(method, credentials),
    http,
    dpop: dpop?.handle,
  };
}

/**
 * The request options oauth4webapi takes: our fetch with a deadline and a cap on the answer's
 * size (`MAX_BODY_BYTES`), plain HTTP allowed on loopback only.
 */
export function requestOptions(endpoint: TokenEndpoint, url: string | undefined, step: OAuthStep): oauth.TokenEndpointRequestOptions {
  const { http } = endpoint;
  return {
    [oauth.customFetch]: async (target: string, init: oauth.CustomFetchOptions<string, unknown>) =>
      capBody(await http.fetch(target, { ...(init as RequestInit), signal: AbortSignal.timeout(http.requestTimeoutMs) }), target, step),
    [oauth.allowInsecureRequests]: url !== undefined && isLoopback(new URL(url)),
    ...(endpoint.dpop ? { DPoP: endpoint.dpop } : {}),
  };
}

/**
 * Runs a token request, retrying once when a DPoP authorization server asks for a nonce
 * (RFC 9449 §8), and turns every failure into an `OAuthError` for `step`.
 */
export async function tokenRequest(
  endpoint: TokenEndpoint,
  step: OAuthStep,
  run: (options: oauth.TokenEndpointRequestOptions) => Promise<Response>,
  process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<StoredTokens> {
  const options = requestOptions(endpoint, endpoint.server.token_endpoint, step);
  for (let attempt = 0; ; attempt++) {
    try {
      return toStoredTokens(await process(await run(options)));
    } catch (error) {
      if (attempt === 0 && endpoint.dpop && oauth.isDPoPNonceError(error)) continue;
      throw await tokenFailure(error, step, endpoint.server.token_endpoint ?? endpoint.server.issuer);
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

/**
 * `tokenError`, after reading the `error` of a refusal that came with a `WWW-Authenticate`
 * challenge: a token endpoint answers a client it could not authenticate with 401 and a
 * challenge (RFC 6749 §5.2), and that is a refused client, not an unreachable server.
 */
export async function tokenFailure(error: unknown, step: OAuthStep, url: string): Promise<Error> {
  if (!(error instanceof oauth.WWWAuthenticateChallengeError)) return tokenError(error, step, url);
  // A body that is not JSON leaves the error code to the challenge's parameters.
  const body = (await error.response.json().catch(() => undefined)) as { error?: unknown; error_description?: unknown } | undefined;
  const code =
    typeof body?.error === 'string'
      ? body.error
      : error.cause.find((challenge) => challenge.parameters.error !== undefined)?.parameters.error;
  const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
  if (code === undefined) {
    return new OAuthError(
      step,
      `${url} refused the request (HTTP ${error.status}, ${error.cause.map((c) => c.scheme).join(', ')} challenge)`,
      { cause: error, hint: 'check the client credentials ("clientId", "clientSecret" or the key)' },
    );
  }
  return refusal(step, url, error.status, code, description, error);
}

/** Any failure of a token request as an `OAuthError` naming the step, the URL and what to do. */
export function tokenError(error: unknown, step: OAuthStep, url: string): Error {
  if (OAuthError.isInstance(error)) return error;
  // An answer past the size cap: oauth4webapi reports that it could not parse it.
  if (error instanceof oauth.OperationProcessingError && OAuthError.isInstance(error.cause)) return error.cause;
  if (error instanceof oauth.ResponseBodyError) return refusal(step, url, error.status, error.error, error.error_description, error);
  if (error instanceof oauth.OperationProcessingError) {
    const status = error.cause instanceof Response ? ` (HTTP ${error.cause.status})` : '';
    return new OAuthError(step, `${url} answered something mcpx cannot use${status}: ${error.message}`, {
      cause: withoutDetails(error),
      hint: 'tell the server operator; the answer breaks the OAuth specification',
    });
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return new OAuthError(step, `${url} answered something mcpx does not support: ${error.message}`, {
      cause: withoutDetails(error),
      hint: 'tell the server operator which answer mcpx could not use',
    });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new OAuthError(step, `${url} did not answer in time`, {
      cause: error,
      hint: 'check that the authorization server is up, then try again',
    });
  }
  const why = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
  return new OAuthError(step, `could not reach ${url}: ${why}`, {
    cause: error,
    hint: 'check that the authorization server is up and reachable, then try again',
  });
}

/**
 * `error` without the details oauth4webapi attaches as its `cause`: for an answer it could not
 * use, the parsed token answer, access and refresh tokens included. Error reporters that
 * follow the cause chain would log them.
 */
function withoutDetails(error: Error & { code?: unknown }): Error {
  const copy = new Error(error.message);
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  if (error.code !== undefined) Object.assign(copy, { code: error.code });
  return copy;
}

/** An OAuth error answer of the server as an `OAuthError` with what to do about it. */
function refusal(step: OAuthStep, url: string, status: number, code: string, description: string | undefined, cause: Error): OAuthError {
  const hint =
    code === 'invalid_grant'
      ? 'the grant expired or was revoked; log in again'
      : code === 'invalid_client'
        ? 'the client credentials were refused; check "clientId", "clientSecret" or the key'
        : code === 'invalid_scope'
          ? 'the scopes asked for are not allowed; check "scopes"'
          : 'try again, and tell the server operator if it keeps failing';
  return new OAuthError(step, `${url} refused the request (HTTP ${status})`, { cause, oauthError: code, description, hint });
}
