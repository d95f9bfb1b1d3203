import { firstDocument, type HttpSettings } from '../http.js';
import { OAuthError } from '../oauth-error.js';
import { canonicalUrl, parseUrl, requireSecureUrl } from '../url-policy.js';

const STEP = 'authorization server discovery';

/** Authorization server metadata (RFC 8414 / OpenID Connect Discovery), as published. */
export type ServerMetadata = Readonly<Record<string, unknown>> & {
  readonly issuer: string;
  readonly authorization_endpoint?: string;
  readonly token_endpoint?: string;
  readonly registration_endpoint?: string;
};

/**
 * The metadata URLs of an issuer, in the spec's order: OAuth with path insertion, OpenID
 * with path insertion, OpenID with the path appended (the last two only for OpenID's sake).
 */
export function serverMetadataUrls(issuer: URL): URL[] {
  const path = issuer.pathname.replace(/\/+$/, '');
  if (path === '')
    return [new URL('/.well-known/oauth-authorization-server', issuer), new URL('/.well-known/openid-configuration', issuer)];
  return [
    new URL(`/.well-known/oauth-authorization-server${path}`, issuer),
    new URL(`/.well-known/openid-configuration${path}`, issuer),
    new URL(`${path}/.well-known/openid-configuration`, issuer),
  ];
}

/**
 * Fetches the metadata of the authorization server `issuer`. Resolves `undefined` when
 * none of its metadata URLs has any; rejects when a document is broken or names another
 * issuer than the one it was fetched for.
 */
export async function discoverServer(http: HttpSettings, issuer: URL): Promise<ServerMetadata | undefined> {
  requireSecureUrl(issuer, 'the authorization server', STEP);
  const found = await firstDocument(http, serverMetadataUrls(issuer), STEP);
  return found === undefined ? undefined : checkServer(issuer, found.url, found.json);
}

function checkServer(issuer: URL, url: URL, json: Record<string, unknown>): ServerMetadata {
  const published = parseUrl(json.issuer, `the "issuer" of ${url.href}`, STEP);
  if (canonicalUrl(published) !== canonicalUrl(issuer)) {
    throw new OAuthError(STEP, `the metadata at ${url.href} names the issuer ${published.href}, not ${issuer.href}`, {
      hint: 'metadata for another issuer could send the login elsewhere; check the server configuration, or tell its operator',
    });
  }
  for (const key of ['authorization_endpoint', 'token_endpoint', 'registration_endpoint', 'revocation_endpoint']) {
    if (json[key] !== undefined) requireSecureUrl(parseUrl(json[key], `the ${key} of ${url.href}`, STEP), `the ${key}`, STEP);
  }
  return json as ServerMetadata;
}

/**
 * The metadata a 2025-03-26 server implies when it publishes none: the endpoints at
 * `/authorize`, `/token` and `/register` of its origin.
 */
export function defaultServerMetadata(origin: URL): ServerMetadata {
  const base = new URL(origin.origin);
  return {
    issuer: base.href,
    authorization_endpoint: new URL('/authorize', base).href,
    token_endpoint: new URL('/token', base).href,
    registration_endpoint: new URL('/register', base).href,
    code_challenge_methods_supported: ['S256'],
  };
}
