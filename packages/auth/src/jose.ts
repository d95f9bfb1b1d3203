import { dependencyFailed, onFirstUse } from '@mcpx/core/internal';

/**
 * jose, loaded when a key is first made, read or used: DPoP keys and proofs, and the private key
 * of `private_key_jwt`. It is about 50 ms of module loading on Node 20, which a login that uses
 * neither (the authorization code flow with PKCE, a client secret) never pays.
 */
export const loadJose = onFirstUse(
  () => import('jose'),
  (error) => dependencyFailed('@mcpx/auth', 'jose', 'make, read and sign with DPoP and private_key_jwt keys', error),
);
