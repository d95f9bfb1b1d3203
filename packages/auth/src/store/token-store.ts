import type { JWK } from 'jose';
/** The tokens of one login, as stored. */
export interface StoredTokens {
  accessToken: string;
  /** `Bearer` or `DPoP`. */
  tokenType: string;
  refreshToken?: string | undefined;
  /** When the access token expires, in ms since the epoch; absent when the server did not say. */
  expiresAt?: number | undefined;
  /** The scopes granted, space-separated, as the server said (or as asked). */
  scope?: string | undefined;
}

/** A client registered with an authorization server (dynamic registration), as stored. */
export interface StoredClient {
  clientId: string;
  clientSecret?: string | undefined;
  /** When the secret expires, in ms since the epoch (0 or absent: never). */
  clientSecretExpiresAt?: number | undefined;
  /** The token endpoint authentication method the server registered. */
  tokenEndpointAuthMethod?: string | undefined;
  /** The redirect URIs registered. */
  redirectUris?: string[] | undefined;
}

/** The authorization server endpoints a login was made with. */
export interface StoredEndpoints {
  /** The token endpoint. */
  token: string;
  /** The revocation endpoint (RFC 7009), if the server has one. */
  revocation?: string | undefined;
}

/** Everything kept about logging in to one MCP server. */
export interface StoredLogin {
  /** The MCP server's URL (the protected resource). */
  serverUrl: string;
  /** The identifier sent as `resource` (RFC 8707): the server's URL, or the resource its metadata names. */
  resource?: string | undefined;
  /** The authorization server's issuer. */
  issuer: string;
  /** The client the tokens were issued to. */
  client: StoredClient;
  tokens?: StoredTokens | undefined;
  /**
   * The authorization server endpoints the tokens came from, where they are refreshed and
   * revoked without discovering the server again. Absent in logins stored by `@mcpx/auth`
   * 0.1.0: those discover it, and use the 2025-03-26 default endpoints only for an issuer
   * without a path.
   */
  endpoints?: StoredEndpoints | undefined;
  /** The DPoP key pair the tokens are bound to, as JWKs, when DPoP is used. */
  dpopKey?: { privateJwk: JWK; publicJwk: JWK; alg: string } | undefined;
  /** When the login was saved, in ms since the epoch. */
  savedAt: number;
}

/**
 * Where logins are kept. Asynchronous so that a shared store (Redis, a keychain) can back
 * it. Keys are opaque strings built by `@mcpx/auth`; a store only maps them to values.
 * `memoryTokenStore()` keeps logins for the life of the process, `fileTokenStore()` on disk.
 */
export interface TokenStore {
  /** The login stored under `key`, if any. */
  get(key: string): Promise<StoredLogin | undefined>;
  /** Stores `login` under `key`, replacing what was there. */
  set(key: string, login: StoredLogin): Promise<void>;
  /** Forgets `key`. */
  delete(key: string): Promise<void>;
  /** Every stored login with its key, for `mcpx auth status`. */
  list(): Promise<Array<{ key: string; login: StoredLogin }>>;
}
