import * as oauth from 'oauth4webapi';
import type { CryptoKey as JoseKey, JWK } from 'jose';
import { loadJose } from './jose.js';
import { OAuthError } from './oauth-error.js';
import type { ServerMetadata } from './discovery/server-metadata.js';

/** How a client proves itself at the token endpoint. */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** A client's credentials, from configuration or registration. */
export interface ClientCredentials {
  clientId: string;
  clientSecret?: string | undefined;
  /** A private key for `private_key_jwt`: a JWK (with `alg`) or a PKCS#8 PEM. */
  privateKey?: JWK | string | undefined;
  /** The key's algorithm when the key does not say. @default `RS256` */
  privateKeyAlg?: string | undefined;
  /** The method the registration fixed or the user chose. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod | undefined;
}

/**
 * The token endpoint authentication method to use: the one registered or configured,
 * else the best the server supports for what the client holds (a key: `private_key_jwt`;
 * a secret: `client_secret_basic`, then `client_secret_post`; nothing: `none`).
 */
export function chooseAuthMethod(credentials: ClientCredentials, server: ServerMetadata): TokenEndpointAuthMethod {
  if (credentials.tokenEndpointAuthMethod !== undefined) return credentials.tokenEndpointAuthMethod;
  const supported = Array.isArray(server.token_endpoint_auth_methods_supported)
    ? (server.token_endpoint_auth_methods_supported as string[])
    : ['client_secret_basic'];
  if (credentials.privateKey !== undefined && supported.includes('private_key_jwt')) return 'private_key_jwt';
  if (credentials.clientSecret !== undefined) {
    if (supported.includes('client_secret_basic')) return 'client_secret_basic';
    if (supported.includes('client_secret_post')) return 'client_secret_post';
    return 'client_secret_basic';
  }
  if (credentials.privateKey !== undefined) return 'private_key_jwt';
  return 'none';
}

/** The oauth4webapi client authentication for `method`. */
export async function clientAuthFor(method: TokenEndpointAuthMethod, credentials: ClientCredentials): Promise<oauth.ClientAuth> {
  switch (method) {
    case 'none':
      return oauth.None();
    case 'client_secret_basic':
    case 'client_secret_post': {
      const secret = credentials.clientSecret;
      if (secret === undefined)
        throw new OAuthError('token request', `the client ${credentials.clientId} uses ${method} but has no client secret`, {
          hint: 'set "clientSecret" in the oauth settings',
        });
      return method === 'client_secret_basic' ? clientSecretBasic(secret) : oauth.ClientSecretPost(secret);
    }
    case 'private_key_jwt':
      return oauth.PrivateKeyJwt(await signingKey(credentials));
  }
}

/** The private key of `credentials`, imported for signing. */
export async function signingKey(
  credentials: Pick<ClientCredentials, 'privateKey' | 'privateKeyAlg' | 'clientId'>,
): Promise<oauth.PrivateKey> {
  const source = credentials.privateKey;
  if (source === undefined)
    throw new OAuthError('token request', `the client ${credentials.clientId} needs a private key to sign with`, {
      hint: 'set "privateKey" (a JWK or a PKCS#8 PEM) in the oauth settings',
    });
  const alg = (typeof source === 'object' ? (source as { alg?: string }).alg : undefined) ?? credentials.privateKeyAlg ?? 'RS256';
  const { importJWK, importPKCS8 } = await loadJose();
  let key: JoseKey | Uint8Array;
  try {
    key = typeof source === 'string' ? await importPKCS8(source, alg, { extractable: false }) : await importJWK(source, alg);
  } catch (error) {
    throw new OAuthError(
      'token request',
      `the private key could not be read as ${typeof source === 'string' ? 'a PKCS#8 PEM' : 'a JWK'} for ${alg}: ${(error as Error).message}`,
      {
        cause: error,
        hint: 'check the key and its algorithm ("privateKeyAlg")',
      },
    );
  }
  if (key instanceof Uint8Array)
    throw new OAuthError('token request', `the key for ${alg} is symmetric; private_key_jwt needs an asymmetric private key`);
  const kid = typeof source === 'object' ? (source as { kid?: string }).kid : undefined;
  return { key, ...(kid === undefined ? {} : { kid }) };
}

/**
 * HTTP Basic client authentication (RFC 6749 §2.3.1): the ID and secret form-encoded, then
 * Base64. Written here because oauth4webapi also escapes the characters form encoding keeps
 * (`-`, `.`, `_`, `*`), which servers that compare the raw ID refuse.
 */
function clientSecretBasic(secret: string): oauth.ClientAuth {
  return (_server, client, _body, headers) => {
    const credentials = `${formEncode(client.client_id)}:${formEncode(secret)}`;
    headers.set('authorization', `Basic ${Buffer.from(credentials).toString('base64')}`);
  };
}

/** application/x-www-form-urlencoded encoding of one value. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
