import type * as oauth from 'oauth4webapi';
import type { ServerMetadata } from './discovery/server-metadata.js';
import { readJsonObject, send, type HttpSettings } from './http.js';
import { OAuthError } from './oauth-error.js';
import type { StoredClient } from './store/token-store.js';
import { parseUrl, requireSecureUrl } from './url-policy.js';

const STEP = 'client registration';

/** What mcpx says about itself when it registers. */
export interface ClientMetadataInput {
  clientName: string;
  redirectUris: string[];
  /** The grants the client will use. */
  grantTypes: string[];
  tokenEndpointAuthMethod: string;
  scope?: string | undefined;
}

/** Whether the authorization server accepts a client ID metadata document (an HTTPS URL as `client_id`). */
export function supportsClientIdMetadata(server: ServerMetadata): boolean {
  return server.client_id_metadata_document_supported === true;
}

/**
 * Registers a client with the authorization server (RFC 7591 dynamic client registration).
 * Fails with a clear error when the server has no registration endpoint: the user must
 * then configure a client ID.
 */
export async function registerClient(http: HttpSettings, server: ServerMetadata, metadata: ClientMetadataInput): Promise<StoredClient> {
  if (typeof server.registration_endpoint !== 'string') {
    throw new OAuthError(
      STEP,
      `the authorization server ${server.issuer} offers no dynamic client registration and no client ID was configured`,
      {
        hint: 'register a client with the server\'s operator and set its "clientId" (and "clientSecret") in the oauth settings',
      },
    );
  }
  const url = requireSecureUrl(
    parseUrl(server.registration_endpoint, 'the registration_endpoint', STEP),
    'the registration endpoint',
    STEP,
  );
  const body = {
    client_name: metadata.clientName,
    // SEP-837: a client that redirects to a loopback address is a native application.
    application_type: 'native',
    redirect_uris: metadata.redirectUris,
    grant_types: metadata.grantTypes,
    response_types: metadata.grantTypes.includes('authorization_code') ? ['code'] : [],
    token_endpoint_auth_method: metadata.tokenEndpointAuthMethod,
    ...(metadata.scope ? { scope: metadata.scope } : {}),
  };
  const response = await send(
    http,
    url,
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) },
    STEP,
  );
  const json = await readJsonObject(response, url, STEP);
  if (response.status !== 201 && response.status !== 200) {
    throw new OAuthError(STEP, `${url.href} refused to register mcpx (HTTP ${response.status})`, {
      oauthError: typeof json.error === 'string' ? json.error : undefined,
      description: typeof json.error_description === 'string' ? json.error_description : undefined,
      hint: 'configure a pre-registered "clientId" instead, or ask the server operator to allow registration',
    });
  }
  if (typeof json.client_id !== 'string' || json.client_id === '')
    throw new OAuthError(STEP, `${url.href} answered a registration without a client_id`, { hint: 'tell the server operator' });
  return {
    clientId: json.client_id,
    clientSecret: typeof json.client_secret === 'string' ? json.client_secret : undefined,
    clientSecretExpiresAt:
      typeof json.client_secret_expires_at === 'number' && json.client_secret_expires_at > 0
        ? json.client_secret_expires_at * 1000
        : undefined,
    tokenEndpointAuthMethod:
      typeof json.token_endpoint_auth_method === 'string' ? json.token_endpoint_auth_method : metadata.tokenEndpointAuthMethod,
    redirectUris: Array.isArray(json.redirect_uris)
      ? json.redirect_uris.filter((u): u is string => typeof u === 'string')
      : metadata.redirectUris,
  };
}

/** The oauth4webapi view of a stored client. */
export function toOauthClient(client: StoredClient): oauth.Client {
  return {
    client_id: client.clientId,
    ...(client.tokenEndpointAuthMethod ? { token_endpoint_auth_method: client.tokenEndpointAuthMethod } : {}),
  };
}
