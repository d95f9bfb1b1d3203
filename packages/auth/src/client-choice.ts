import type { TokenEndpointAuthMethod } from './client-auth.js';
import type { ServerMetadata } from './discovery/server-metadata.js';
import type { LoopbackRedirect } from './flows/loopback-redirect.js';
import { JWT_BEARER } from './grants/machine-grants.js';
import type { HttpSettings } from './http.js';
import type { OAuthGrant, ResolvedOAuthOptions } from './options.js';
import { registerClient, supportsClientIdMetadata } from './registration.js';
import { registrationScope } from './scopes.js';
import type { Discovered } from './session.js';
import type { StoredClient } from './store/token-store.js';

/** What choosing the client of a login needs. */
export interface ClientChoice {
  options: ResolvedOAuthOptions;
  http: HttpSettings;
  discovered: Discovered;
  /** The client of the stored login at the same authorization server, if any. */
  stored: StoredClient | undefined;
  /** The loopback listener of an authorization code login. */
  redirect: LoopbackRedirect | undefined;
  /** The scopes the login asks for. */
  scope: string | undefined;
}

/**
 * The client a login uses, in the spec's order of preference: the configured one, a client ID
 * metadata document where the authorization server takes one, the stored registration while
 * its secret lasts and its redirect URI is the one listening, else a new dynamic registration.
 */
export async function chooseClient(choice: ClientChoice): Promise<StoredClient> {
  const { options, discovered, stored, redirect } = choice;
  const redirectUris = redirect ? { redirectUris: [redirect.redirectUri] } : {};
  if (options.clientId !== undefined) {
    return {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      tokenEndpointAuthMethod: options.tokenEndpointAuthMethod,
      ...redirectUris,
    };
  }
  if (options.clientMetadataUrl !== undefined && supportsClientIdMetadata(discovered.server)) {
    return { clientId: options.clientMetadataUrl, tokenEndpointAuthMethod: 'none', ...redirectUris };
  }
  const expired = stored?.clientSecretExpiresAt !== undefined && stored.clientSecretExpiresAt <= Date.now();
  if (stored !== undefined && !expired && (redirect === undefined || stored.redirectUris?.includes(redirect.redirectUri))) return stored;
  return registerClient(choice.http, discovered.server, {
    clientName: options.clientName,
    redirectUris: redirect ? [redirect.redirectUri] : [],
    grantTypes: registeredGrantTypes(options.grant),
    tokenEndpointAuthMethod: registrationAuthMethod(discovered.server),
    scope: registrationScope(choice.scope, discovered.resource),
  });
}

/** The grant types a dynamic registration asks for: those the client will use (servers may enforce them). */
function registeredGrantTypes(grant: OAuthGrant): string[] {
  switch (grant.type) {
    case 'authorization_code':
      return ['authorization_code', 'refresh_token'];
    case 'client_credentials':
      return ['client_credentials'];
    case 'enterprise':
    case 'workload_identity':
      return [JWT_BEARER];
  }
}

/** The token endpoint authentication a new registration asks for: none (a public client) where the server allows it. */
function registrationAuthMethod(server: ServerMetadata): TokenEndpointAuthMethod {
  const supported = Array.isArray(server.token_endpoint_auth_methods_supported)
    ? (server.token_endpoint_auth_methods_supported as string[])
    : undefined;
  if (supported === undefined || supported.includes('none')) return 'none';
  if (supported.includes('client_secret_basic')) return 'client_secret_basic';
  if (supported.includes('client_secret_post')) return 'client_secret_post';
  return 'none';
}
