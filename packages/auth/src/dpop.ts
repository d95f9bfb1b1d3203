import { createHash, randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type { JWK } from 'jose';
import { loadJose } from './jose.js';
import type { StoredLogin } from './store/token-store.js';

/** A DPoP key (RFC 9449) with what it needs to sign proofs for the authorization server and the MCP server. */
export interface DpopKey {
  alg: string;
  keyPair: oauth.CryptoKeyPair;
  publicJwk: JWK;
  /** The handle oauth4webapi signs token request proofs with; it tracks the authorization server's nonces. */
  handle: oauth.DPoPHandle;
  /** The last nonce each resource server origin asked for. */
  resourceNonces: Map<string, string>;
}

/** A new DPoP key pair for `alg`. */
export async function newDpopKey(alg: string): Promise<DpopKey> {
  const { exportJWK, generateKeyPair } = await loadJose();
  const pair = await generateKeyPair(alg, { extractable: true });
  return wrap(alg, pair, await exportJWK(pair.publicKey));
}

/**
 * The DPoP key saved with a login, or undefined when it cannot be read back. The private key
 * is imported extractable, as a new one is made: the next grant saves it again with its tokens.
 * Rejects with a `ConfigError` when jose cannot be loaded (a damaged install).
 */
export async function restoreDpopKey(saved: NonNullable<StoredLogin['dpopKey']>): Promise<DpopKey | undefined> {
  // The store's JWK type is core's structural one; jose checks the members when it imports them.
  const privateJwk = saved.privateJwk as JWK;
  const publicJwk = saved.publicJwk as JWK;
  const { importJWK } = await loadJose();
  try {
    const privateKey = await importJWK(privateJwk, saved.alg, { extractable: true });
    const publicKey = await importJWK(publicJwk, saved.alg, { extractable: true });
    return wrap(saved.alg, { privateKey, publicKey } as unknown as oauth.CryptoKeyPair, publicJwk);
  } catch {
    return undefined;
  }
}

/** The key as saved with a login. */
export async function saveDpopKey(key: DpopKey): Promise<NonNullable<StoredLogin['dpopKey']>> {
  const { exportJWK } = await loadJose();
  return { alg: key.alg, privateJwk: await exportJWK(key.keyPair.privateKey), publicJwk: key.publicJwk };
}

function wrap(alg: string, keyPair: oauth.CryptoKeyPair, publicJwk: JWK): DpopKey {
  const { d: _private, ...publicOnly } = publicJwk;
  return { alg, keyPair, publicJwk: publicOnly, handle: oauth.DPoP({}, keyPair), resourceNonces: new Map() };
}

/**
 * A DPoP proof for a request to the MCP server: signs the method, the URL without query or
 * fragment, the time, a hash of the access token and the server's last nonce.
 */
export async function resourceProof(key: DpopKey, method: string, url: URL, accessToken: string): Promise<string> {
  const htu = `${url.origin}${url.pathname}`;
  const nonce = key.resourceNonces.get(url.origin);
  const ath = createHash('sha256').update(accessToken).digest('base64url');
  const { SignJWT } = await loadJose();
  return new SignJWT({ htm: method, htu, ath, ...(nonce === undefined ? {} : { nonce }) })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(key.keyPair.privateKey);
}
