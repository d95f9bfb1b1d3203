import type { ServerMetadata } from '../discovery/server-metadata.js';
import { OAuthError } from '../oauth-error.js';
import { canonicalUrl } from '../url-policy.js';

/**
 * Checks the RFC 9207 `iss` of an authorization response against the issuer the request
 * went to, which defends against mix-up attacks. A server that advertises
 * `authorization_response_iss_parameter_supported` must send it; whenever one is sent it
 * must name the issuer. URLs are compared after normalization (case of scheme and host,
 * default port, trailing slash).
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
  if (!sameIssuer(iss, server.issuer)) {
    throw new OAuthError('authorization', `the redirect says it comes from ${JSON.stringify(iss)}, but the login was sent to ${server.issuer}`, {
      hint: 'the response may come from another server (a mix-up attack); start the login again',
    });
  }
}

function sameIssuer(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonicalUrl(a) === canonicalUrl(b);
  } catch {
    return false;
  }
}
