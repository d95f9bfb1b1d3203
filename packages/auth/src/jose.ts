import type * as Jose from 'jose';

/**
 * jose, loaded when a key is first made, read or used: DPoP keys and proofs, and the private key
 * of `private_key_jwt`. It is about 50 ms of module loading on Node 20, which a login that uses
 * neither (the authorization code flow with PKCE, a client secret) never pays.
 */
let loading: Promise<typeof Jose> | undefined;

/** The jose module, imported once per process. */
export function loadJose(): Promise<typeof Jose> {
  loading ??= import('jose');
  return loading;
}
