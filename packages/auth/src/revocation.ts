import * as oauth from 'oauth4webapi';
import type { StoredTokens } from './store/token-store.js';
import { requestOptions, tokenFailure, type TokenEndpoint } from './token-endpoint.js';

/**
 * Revokes the refresh token, then the access token (RFC 7009), at the endpoint's revocation
 * endpoint; false when the authorization server has none.
 */
export async function revokeTokens(endpoint: TokenEndpoint, tokens: StoredTokens): Promise<boolean> {
  const url = endpoint.server.revocation_endpoint;
  if (typeof url !== 'string') return false;
  const options = requestOptions(endpoint, url, 'revocation');
  for (const token of [tokens.refreshToken, tokens.accessToken]) {
    if (token === undefined) continue;
    try {
      await oauth.processRevocationResponse(
        await oauth.revocationRequest(endpoint.server, endpoint.client, endpoint.clientAuth, token, options),
      );
    } catch (error) {
      throw await tokenFailure(error, 'revocation', url);
    }
  }
  return true;
}
