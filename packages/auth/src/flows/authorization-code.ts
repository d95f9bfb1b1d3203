import * as oauth from 'oauth4webapi';
import type { ServerMetadata } from '../discovery/server-metadata.js';
import { OAuthError } from '../oauth-error.js';
import { parseUrl, requireSecureUrl } from '../url-policy.js';
import { checkIssuerParameter } from './issuer-parameter.js';
import type { LoopbackRedirect } from './loopback-redirect.js';

/** Opens the authorization URL for the user: a browser, a printed link, or a test's robot. */
export type UserAgent = (authorizationUrl: URL, signal: AbortSignal) => Promise<void> | void;

/** What an authorization code request needs. */
export interface AuthorizationRequest {
  server: ServerMetadata;
  clientId: string;
  redirect: LoopbackRedirect;
  /** The MCP server's resource identifier (RFC 8707). */
  resource: string;
  scope: string | undefined;
  userAgent: UserAgent;
  /** How long the user has to finish in the browser. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** The authorization response: the callback's parameters and the PKCE verifier for the code. */
export interface AuthorizationGrant {
  parameters: URLSearchParams;
  codeVerifier: string;
}

const STEP = 'authorization';

/**
 * Sends the user to the authorization endpoint (PKCE S256, a fresh `state`, the
 * `resource`) and waits for the redirect back. Checks `state` and the RFC 9207 `iss` and
 * turns an error answer into an `OAuthError`. A verifier and a state serve one request only.
 */
export async function requestAuthorization(request: AuthorizationRequest): Promise<AuthorizationGrant> {
  const { server } = request;
  const methods = server.code_challenge_methods_supported;
  if (!Array.isArray(methods) || !methods.includes('S256')) {
    throw new OAuthError(
      STEP,
      `the authorization server ${server.issuer} does not advertise PKCE with S256 (code_challenge_methods_supported: ${JSON.stringify(methods ?? null)})`,
      {
        hint: 'mcpx refuses to log in without PKCE; ask the server operator to support S256',
      },
    );
  }
  const endpoint = requireSecureUrl(
    parseUrl(server.authorization_endpoint, 'the authorization_endpoint', STEP),
    'the authorization endpoint',
    STEP,
  );
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirect.redirectUri);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  url.searchParams.set('resource', request.resource);
  if (request.scope) url.searchParams.set('scope', request.scope);

  const parameters = await waitForCallback(request, url, state);
  checkIssuerParameter(server, parameters);
  const error = parameters.get('error');
  if (error !== null) {
    const description = parameters.get('error_description') ?? undefined;
    throw new OAuthError(STEP, `${server.issuer} did not authorize mcpx`, {
      oauthError: error,
      description,
      hint:
        error === 'access_denied'
          ? 'the login was declined; run it again and approve the request'
          : 'try again, and tell the server operator if it keeps failing',
    });
  }
  if (parameters.get('state') !== state) {
    throw new OAuthError(
      STEP,
      parameters.has('state') ? 'the redirect carried another state than the one sent' : 'the redirect carried no state',
      {
        hint: 'the response may be forged or replayed; start the login again',
      },
    );
  }
  if (!parameters.get('code')) throw new OAuthError(STEP, 'the redirect carried no authorization code', { hint: 'start the login again' });
  return { parameters, codeVerifier };
}

async function waitForCallback(request: AuthorizationRequest, url: URL, state: string): Promise<URLSearchParams> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
  try {
    const stopped = new Promise<never>((_, reject) => {
      const stop = (): void =>
        reject(
          request.signal?.aborted
            ? (request.signal.reason as unknown)
            : new OAuthError(STEP, `nobody finished the login in the browser within ${Math.round(request.timeoutMs / 1000)} s`, {
                hint: 'run the login again and complete it in the browser',
              }),
        );
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
    // Armed before the browser is sent, which may come back at once.
    const arrived = request.redirect.callback(state);
    await Promise.race([Promise.resolve(request.userAgent(url, signal)), stopped]);
    return await Promise.race([arrived, stopped]);
  } finally {
    clearTimeout(timer);
  }
}
