import { defaultServerMetadata, discoverServer, type ServerMetadata } from './discovery/server-metadata.js';
import type { HttpSettings } from './http.js';
import { OAuthError } from './oauth-error.js';
import type { StoredEndpoints, StoredLogin } from './store/token-store.js';

/** The endpoints of `server` a login keeps. */
export function endpointsOf(server: ServerMetadata): StoredEndpoints {
  const revocation = server.revocation_endpoint;
  return { token: server.token_endpoint as string, revocation: typeof revocation === 'string' ? revocation : undefined };
}

/**
 * Where a stored login is refreshed and revoked: the endpoints it was made with. A login
 * stored without them discovers its issuer again, and falls back to the 2025-03-26 default
 * endpoints only for an issuer without a path, where a login can have found them: for a
 * path-based issuer (a realm, a tenant) `<origin>/token` is another server's endpoint, and
 * would receive the refresh token.
 */
export async function storedServer(http: HttpSettings, stored: StoredLogin): Promise<ServerMetadata> {
  const { endpoints } = stored;
  if (endpoints !== undefined) {
    return {
      issuer: stored.issuer,
      token_endpoint: endpoints.token,
      ...(endpoints.revocation === undefined ? {} : { revocation_endpoint: endpoints.revocation }),
    };
  }
  const issuer = new URL(stored.issuer);
  const found = await discoverServer(http, issuer);
  if (found !== undefined) return found;
  if (issuer.pathname.replace(/\/+$/, '') === '') return defaultServerMetadata(issuer);
  throw new OAuthError('refresh', `the authorization server ${issuer.href} publishes no metadata, so its token endpoint is unknown`, {
    hint: 'log in again',
  });
}
