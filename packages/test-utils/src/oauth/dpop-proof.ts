import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify } from 'jose';

/** Why a DPoP proof (RFC 9449 §4.3) was refused, or undefined when it is good. */
export type DpopProblem = { error: 'invalid_dpop_proof'; description: string } | { error: 'use_dpop_nonce'; description: string };

/** What a proof must match. */
export interface DpopExpectation {
  method: string;
  /** The request URL; `htu` must be it without query and fragment. */
  url: URL;
  accessToken: string;
  /** The thumbprint the token is bound to (`cnf.jkt`). */
  jkt: string;
  /** The nonce the server asked for, when it asks for one. */
  nonce: string | undefined;
  /** The `jti`s seen already; a replayed one is refused. */
  seen: Set<string>;
}

/** How old a proof may be, in seconds. */
const MAX_AGE_SECONDS = 300;

/** Checks the `DPoP` header of a request to the resource server, as RFC 9449 §7.1 asks. */
export async function checkDpopProof(proof: string | undefined, expected: DpopExpectation): Promise<DpopProblem | undefined> {
  const invalid = (description: string): DpopProblem => ({ error: 'invalid_dpop_proof', description });
  if (proof === undefined) return invalid('a DPoP-bound token needs a DPoP proof');
  let verified;
  try {
    verified = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', maxTokenAge: MAX_AGE_SECONDS, clockTolerance: 5 });
  } catch (error) {
    return invalid(`the proof does not verify: ${(error as Error).message}`);
  }
  const { payload, protectedHeader } = verified;
  if (protectedHeader.jwk === undefined || (await calculateJwkThumbprint(protectedHeader.jwk)) !== expected.jkt)
    return invalid('the proof is signed by another key than the token is bound to');
  if (payload.htm !== expected.method) return invalid(`htm is ${String(payload.htm)}, not ${expected.method}`);
  if (payload.htu !== `${expected.url.origin}${expected.url.pathname}`)
    return invalid(`htu is ${String(payload.htu)}, not ${expected.url.origin}${expected.url.pathname}`);
  if (payload.ath !== createHash('sha256').update(expected.accessToken).digest('base64url'))
    return invalid('ath is not the hash of the access token');
  if (typeof payload.jti !== 'string' || expected.seen.has(payload.jti)) return invalid('the proof has no jti, or one already used');
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce)
    return { error: 'use_dpop_nonce', description: 'the resource server requires its nonce in the proof' };
  expected.seen.add(payload.jti);
  return undefined;
}
