/**
 * A JSON Web Key (RFC 7517) as stored: the members a DPoP key pair has, and any other. Core has no
 * dependencies, so this is structural: `jose`'s `JWK` (which `@mcpx/auth` uses) is assignable to it.
 */
export interface StoredJwk {
  /** The key type: `EC`, `RSA`, `OKP`... */
  kty?: string | undefined;
  /** The algorithm the key is for. */
  alg?: string | undefined;
  /** The curve of an EC or OKP key. */
  crv?: string | undefined;
  /** The key ID. */
  kid?: string | undefined;
  /** The public coordinates of an EC or OKP key, base64url. */
  x?: string | undefined;
  y?: string | undefined;
  /** The private part of an EC, OKP or RSA key, base64url. */
  d?: string | undefined;
  /** The modulus and exponent of an RSA key, base64url. */
  n?: string | undefined;
  e?: string | undefined;
  /** Any other member, kept as it is. */
  [member: string]: unknown;
}

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
  dpopKey?: { privateJwk: StoredJwk; publicJwk: StoredJwk; alg: string } | undefined;
  /** When the login was saved, in ms since the epoch. */
  savedAt: number;
}

/**
 * A lock taken with `TokenStore.lock()`: calling it gives the lock back (it never rejects, and is
 * bounded in time; calling it twice does nothing more).
 */
export interface ReleaseLock {
  (): Promise<void>;
  /**
   * Aborts once the lock may no longer be this holder's: its ttl ran out before the store could
   * renew it (a store that renews it while held, as `@mcpx/redis` does), or another took it. A
   * holder about to spend something the lock protects (a refresh token) checks it first.
   * Absent for a store whose lock cannot be lost while held.
   */
  readonly lost?: AbortSignal | undefined;
}

/**
 * Where logins are kept. Asynchronous so that a shared store (Redis, a keychain) can back
 * it. Keys are opaque strings built by `@mcpx/auth`; a store only maps them to values.
 * `@mcpx/auth` has `memoryTokenStore()` (for the life of the process) and `fileTokenStore()`
 * (on disk); `@mcpx/redis` has `redisTokenStore()`, shared by every process of a fleet.
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
  /**
   * Takes the lock `name` across every process that shares the store, for a refresh: `@mcpx/auth`
   * holds it (named by the login's key) while it re-reads the login and refreshes, so that one
   * refresh is in flight however many processes find the token expired. Optional: a store only
   * one process uses (memory, a file) needs none.
   *
   * Resolves with the function that releases the lock once it is held. The lock expires by itself
   * `ttlMs` after it was last renewed, so a process that dies holding it blocks the others no longer
   * than that; a store renews it while its holder lives, and aborts `lost` when it cannot. Waiting is bounded too: it rejects when the lock could not be taken within `ttlMs`, or
   * when the store fails (unreachable), and rejects with the signal's reason when `signal` aborts.
   * `@mcpx/auth` refreshes without the lock after any rejection but an abort.
   */
  lock?(name: string, ttlMs: number, signal?: AbortSignal): Promise<ReleaseLock>;
}
