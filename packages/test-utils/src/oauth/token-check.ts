import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthorizationServer } from './authorization-server.js';
import { checkDpopProof } from './dpop-proof.js';

/** What the resource server learned about a valid access token. */
export interface TokenInfo {
  token: string;
  /** The user, or the client itself for client credentials. */
  subject: string;
  clientId: string;
  scopes: string[];
  /** `DPoP` when the token is bound to a key (`cnf.jkt`). */
  tokenType: 'Bearer' | 'DPoP';
  /** When the token expires, in seconds since the epoch. */
  expiresAt: number;
}

/** The request as the check sees it. */
export interface CheckedHttpRequest {
  method: string;
  url: URL;
  authorization: string | undefined;
  dpop: string | undefined;
}

/** The answer of the check: the token, or the refusal to send. */
export type TokenVerdict =
  { ok: true; token: TokenInfo } | { ok: false; status: 401 | 403; error: string; headers: Record<string, string> };

/** How the resource server checks tokens. */
export interface TokenCheckPolicy {
  authorizationServer: AuthorizationServer;
  /** This resource server's identifier: tokens must name it as audience. */
  resource: string;
  resourceMetadataUrl: string;
  /** The scopes every request needs. */
  requiredScopes: readonly string[];
  /** The nonce DPoP proofs must carry, if any. */
  dpopNonce: string | undefined;
}

/**
 * Checks the access token of a request as an OAuth resource server does: opaque tokens by
 * introspection at the authorization server, JWTs against its JWKS; the audience must be
 * this resource; a DPoP-bound token needs the `DPoP` scheme and a proof by its key; the
 * scopes must cover `requiredScopes` and `extraScopes` (else 403 `insufficient_scope`).
 */
export function tokenChecker(
  policy: TokenCheckPolicy,
): (request: CheckedHttpRequest, extraScopes: readonly string[]) => Promise<TokenVerdict> {
  const { authorizationServer: as } = policy;
  const jwks = createRemoteJWKSet(new URL(`${as.issuer}/jwks`));
  const seenProofs = new Set<string>();

  const bearer = (status: 401 | 403, error: string | undefined, scopes: readonly string[], description?: string): TokenVerdict => {
    const params = [
      ...(error === undefined ? [] : [`error="${error}"`]),
      ...(description === undefined ? [] : [`error_description="${description.replace(/["\\]/g, '')}"`]),
      `resource_metadata="${policy.resourceMetadataUrl}"`,
      `scope="${scopes.join(' ')}"`,
    ];
    return { ok: false, status, error: error ?? 'no token', headers: { 'www-authenticate': `Bearer ${params.join(', ')}` } };
  };

  const verify = async (token: string): Promise<(TokenInfo & { jkt: string | undefined }) | string> => {
    if (token.split('.').length === 3) {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: as.issuer, audience: policy.resource, typ: 'at+jwt' });
        const cnf = payload.cnf as { jkt?: string } | undefined;
        return info(token, payload.sub ?? String(payload.client_id), String(payload.client_id), payload.scope, payload.exp ?? 0, cnf?.jkt);
      } catch (error) {
        return `the JWT access token does not verify: ${(error as Error).message}`;
      }
    }
    const claims = await as.introspect(token);
    if (claims.active !== true) return 'the access token is not active';
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(policy.resource)) return `the access token is for ${JSON.stringify(claims.aud)}, not for ${policy.resource}`;
    const cnf = claims.cnf as { jkt?: string } | undefined;
    return info(token, String(claims.sub ?? claims.client_id), String(claims.client_id), claims.scope, Number(claims.exp), cnf?.jkt);
  };

  return async (request, extraScopes) => {
    const needed = [...new Set([...policy.requiredScopes, ...extraScopes])];
    const [scheme = '', token] = request.authorization?.split(' ') ?? [];
    if (token === undefined || !/^(bearer|dpop)$/i.test(scheme)) return bearer(401, undefined, policy.requiredScopes);
    const found = await verify(token);
    if (typeof found === 'string') return bearer(401, 'invalid_token', policy.requiredScopes, found);
    if (found.jkt === undefined && scheme.toLowerCase() === 'dpop')
      return bearer(401, 'invalid_token', policy.requiredScopes, 'the token is not DPoP-bound');
    if (found.jkt !== undefined) {
      if (scheme.toLowerCase() !== 'dpop')
        return bearer(401, 'invalid_token', policy.requiredScopes, 'a DPoP-bound token must be sent with the DPoP scheme');
      const problem = await checkDpopProof(request.dpop, {
        method: request.method,
        url: request.url,
        accessToken: token,
        jkt: found.jkt,
        nonce: policy.dpopNonce,
        seen: seenProofs,
      });
      if (problem !== undefined) {
        return {
          ok: false,
          status: 401,
          error: problem.error,
          headers: {
            'www-authenticate': `DPoP error="${problem.error}", error_description="${problem.description.replace(/["\\]/g, '')}", algs="ES256 EdDSA"`,
            ...(problem.error === 'use_dpop_nonce' && policy.dpopNonce !== undefined ? { 'dpop-nonce': policy.dpopNonce } : {}),
          },
        };
      }
    }
    if (!needed.every((scope) => found.scopes.includes(scope)))
      return bearer(403, 'insufficient_scope', needed, `this needs ${needed.join(' ')}`);
    const { jkt: _jkt, ...tokenInfo } = found;
    return { ok: true, token: tokenInfo };
  };
}

function info(
  token: string,
  subject: string,
  clientId: string,
  scope: unknown,
  expiresAt: number,
  jkt: string | undefined,
): TokenInfo & { jkt: string | undefined } {
  const scopes = typeof scope === 'string' ? scope.split(' ').filter((s) => s !== '') : [];
  return { token, subject, clientId, scopes, tokenType: jkt === undefined ? 'Bearer' : 'DPoP', expiresAt, jkt };
}
