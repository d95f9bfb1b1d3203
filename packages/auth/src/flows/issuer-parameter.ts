import type { ServerMetadata } from '../discovery/server-metadata.js';
import { OAuthError } from '../oauth-error.js';

/**
 * Checks the RFC 9207 `iss` of an authorization response against the issuer the request
 * went to, which defends against mix-up attacks. A server that advertises
 * `authorization_response_iss_parameter_supported` must send it; whenever one is sent it
 * must name the issuer, character for character: RFC 9207 §2.4 asks for a simple string
 * comparison, so `https://as.example/` does not match `https://as.example`.
 */
export function checkIssuerParameter(server: ServerMetadata, parameters: URLSearchParams): void {
  const iss = parameters.get('iss');
  if (iss === null) {
    if (server.authorization_response_iss_parameter_supported === true) {
      throw new OAuthError('authorization', `${server.issuer} advertises the iss response parameter but its redirect carried none`, {
        hint: 'the response may come from another server (a mix-up attack); start the login again, and tell the server operator if it persists',
      });
    }
    return;
  }
  if (iss !== server.issuer) {
    throw new OAuthError(
      'authorization',
      `the redirect says it comes from ${JSON.stringify(iss)}, but the login was sent to ${server.issuer}`,
      {
        hint: 'the response may come from another server (a mix-up attack); start the login again',
      },
    );
  }
}
