import { LoginRequiredError, TokenStoreError } from '@mcpx/core';
import { authorize, probeChallenge, type LoginRequest } from './authorize.js';
import type { Challenge } from './challenge.js';
import type { ServerMetadata } from './discovery/server-metadata.js';
import { newDpopKey, resourceProof, restoreDpopKey, type DpopKey } from './dpop.js';
import { refresh } from './grants/authorization-code.js';
import type { HttpSettings } from './http.js';
import { OAuthError } from './oauth-error.js';
import type { ResolvedOAuthOptions } from './options.js';
import { revokeTokens } from './revocation.js';
import { scopeList } from './scopes.js';
import { storedServer } from './stored-server.js';
import type { ReleaseLock, StoredLogin, StoredTokens } from './store/token-store.js';
import { tokenEndpointFor, type TokenEndpoint } from './token-endpoint.js';
import { canonicalUrl } from './url-policy.js';
import type { LoginStatus } from './oauth-provider.js';

/** Tokens this close to their expiry are refreshed before use. */
const EXPIRY_MARGIN_MS = 30_000;
/**
 * The ttl of the refresh lock of a shared store: room for the requests of a refresh (the
 * authorization server's metadata when the login has no stored endpoints, then the token request),
 * each within `requestTimeoutMs`. A store renews it while its holder lives (a refresh may take
 * longer), so a process that dies holding it delays the others' refresh by no more than this.
 */
export function refreshLockTtlMs(requestTimeoutMs: number): number {
  return 2 * requestTimeoutMs;
}
/** The answer of `headers()` without a token: one shared, frozen record. */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The key a server's login is stored under in a `TokenStore`: for a store shared with other
 * programs, or to seed one with a login obtained elsewhere.
 */
export function loginStoreKey(server: URL | string): string {
  return storeKey(new URL(server));
}

/** The key a server's login is stored under. */
export function storeKey(server: URL): string {
  return `mcpx-oauth:${canonicalUrl(server)}`;
}

/** The state of logging in to one MCP server: stored tokens, the client, and how to get more. */
export class Login {
  #stored: StoredLogin | undefined;
  #endpoint: TokenEndpoint | undefined;
  #metadata: ServerMetadata | undefined;
  #resourceId: string;
  #dpop: DpopKey | undefined;
  /** The `Authorization` value of the current token, to recognize refusals of an older one. */
  #header: string | undefined;
  /** `{ authorization }` for a Bearer token, made once per token and handed to every request. */
  #bearer: Readonly<Record<string, string>> | undefined;
  /** When a refresh is due (Infinity without a refresh token or an expiry): one comparison a request. */
  #refreshAt = Infinity;
  /**
   * Whether the shared store's lock could not be taken last time (the store is unreachable): the
   * refresh then waits until the token has really expired, not `EXPIRY_MARGIN_MS` before, and the
   * failure was reported once. Cleared when the lock is taken again.
   */
  #storeDown = false;
  /** Whether the login in memory could not be written to the store: it is written back before the next refresh. */
  #unsaved = false;

  private constructor(
    private readonly server: URL,
    private readonly options: ResolvedOAuthOptions,
    private readonly http: HttpSettings,
    private readonly key: string,
    stored: StoredLogin | undefined,
    dpop: DpopKey | undefined,
  ) {
    this.#stored = stored;
    this.#dpop = dpop;
    this.#resourceId = stored?.resource ?? canonicalUrl(server);
    this.#setHeader();
  }

  /** The login stored for `server`, if any, ready to use. */
  static async load(server: URL, options: ResolvedOAuthOptions, http: HttpSettings): Promise<Login> {
    const key = storeKey(server);
    const stored = await options.store.get(key);
    const dpop = stored?.dpopKey === undefined ? undefined : await restoreDpopKey(stored.dpopKey);
    return new Login(server, options, http, key, stored, dpop);
  }

  /** Whether the access token is expired or about to be. */
  expired(): boolean {
    const expiresAt = this.#stored?.tokens?.expiresAt;
    return expiresAt !== undefined && expiresAt - this.#marginMs() <= Date.now();
  }

  /** How long before its expiry a token is refreshed: none while the shared store is unreachable. */
  #marginMs(): number {
    return this.#storeDown ? 0 : EXPIRY_MARGIN_MS;
  }

  /** The scopes of the stored tokens: as granted, or as asked when the server did not say. */
  scopes(): string[] {
    return scopeList(this.#stored?.tokens?.scope);
  }

  /** Whether a refresh token is kept. */
  refreshable(): boolean {
    return this.#stored?.tokens?.refreshToken !== undefined;
  }

  /** The headers that authorize a request: `Authorization`, and a `DPoP` proof for DPoP tokens. */
  async authorization(method: string, url: URL): Promise<Record<string, string>> {
    const tokens = this.#stored?.tokens;
    if (tokens === undefined || this.#header === undefined) return {};
    if (tokens.tokenType !== 'DPoP' || this.#dpop === undefined) return { authorization: this.#header };
    return { authorization: this.#header, dpop: await resourceProof(this.#dpop, method, url, tokens.accessToken) };
  }

  /**
   * Whether a refusal was of another token than the current one, or of no token while there
   * is one now: another request refreshed or logged in meanwhile, and a retry will do.
   */
  isStale(sent: Readonly<Record<string, string>>): boolean {
    return this.#header !== undefined && sent.authorization !== this.#header;
  }

  /** Keeps the nonce a DPoP resource server asked for (RFC 9449 §9); true when the request should be retried with it. */
  takeResourceNonce(context: { url: URL; header(name: string): string | undefined }, challenge: Challenge | undefined): boolean {
    const nonce = context.header('dpop-nonce');
    if (this.#dpop === undefined || nonce === undefined || challenge?.params.error !== 'use_dpop_nonce') return false;
    if (this.#dpop.resourceNonces.get(context.url.origin) === nonce) return false;
    this.#dpop.resourceNonces.set(context.url.origin, nonce);
    return true;
  }

  /**
   * Uses the refresh token; a rotated refresh token replaces the old one in the store. Another
   * process sharing the store (the CLI and a registry) may have refreshed first: its tokens are
   * taken instead, read before the refresh and again after an `invalid_grant`, since with
   * rotating refresh tokens a second refresh with the spent one fails, or makes the server
   * revoke the whole grant. A refresh token refused with `invalid_grant` is then dropped.
   *
   * When the store has a lock (`TokenStore.lock`, shared by processes: Redis), the re-read and
   * the refresh run holding the lock named by the login's key, so that processes which find the
   * token expired at the same time send one refresh between them: the others wait, then find the
   * new tokens in the store. A lock that cannot be taken (the store is down, or the lock stayed
   * held for its whole ttl) is done without, and reported once through `onWarning`: the refresh
   * runs as it would with a store of one process, but only once the token has really expired
   * (`early` refreshes are put off), since the refreshed login may not reach the store. A lock the
   * store reports lost (`ReleaseLock.lost`) stops the refresh before its token request. `signal`
   * stops the wait for the lock.
   *
   * A refreshed login the store could not save is kept, marked unsaved, and written back before
   * the next refresh; a stored login is taken only when it is newer than this one (`savedAt`), so
   * an older one left in the store is never spent again.
   */
  async refresh(signal?: AbortSignal, early = false): Promise<void> {
    const store = this.options.store;
    if (store.lock === undefined) return this.#refresh(undefined);
    let release: ReleaseLock | undefined;
    try {
      release = await store.lock(this.key, refreshLockTtlMs(this.options.requestTimeoutMs), signal);
      if (this.#storeDown) {
        this.#storeDown = false;
        this.#setHeader();
      }
    } catch (error) {
      if (signal?.aborted === true) throw error;
      this.#lockFailed(error);
      if (early && !this.expired()) return;
    }
    try {
      await this.#refresh(release?.lost);
    } finally {
      // Not awaited: a release is bounded by the store, never rejects, and the request need not wait for it.
      void release?.();
    }
  }

  /** Reports a lock that could not be taken, once until one is taken again, and puts early refreshes off. */
  #lockFailed(error: unknown): void {
    if (!this.#storeDown)
      this.options.onWarning(
        new TokenStoreError(
          `the refresh lock of the login for ${`${this.server.origin}${this.server.pathname}`} could not be taken (${(error as Error).message}): refreshing without it, only once the token has expired; other processes may refresh too`,
          { cause: error },
        ),
      );
    this.#storeDown = true;
    this.#setHeader();
  }

  async #refresh(lost: AbortSignal | undefined): Promise<void> {
    if (await this.#adoptStoredSafely(true)) {
      if (!this.expired()) return;
    } else if (this.#unsaved && this.#stored !== undefined) {
      // Written back first, so that the store holds the refresh token this refresh spends.
      await this.#save(this.#stored).catch(() => undefined);
    }
    const stored = this.#stored;
    const refreshToken = stored?.tokens?.refreshToken;
    if (stored === undefined || refreshToken === undefined) throw new OAuthError('refresh', 'there is no refresh token');
    const endpoint = await this.#endpointFor(stored);
    // Another process may hold the lock now, and be spending the same refresh token.
    lost?.throwIfAborted();
    let tokens: StoredTokens;
    try {
      tokens = await refresh({ endpoint, resource: this.#resourceId, scope: stored.tokens?.scope }, refreshToken);
    } catch (error) {
      if (OAuthError.isInstance(error) && error.oauthError === 'invalid_grant') {
        if (await this.#adoptStoredSafely(false)) return;
        await this.#dropRefreshToken(stored);
      }
      throw error;
    }
    // A store that cannot save does not undo the refresh: the login stays, unsaved, in memory.
    await this.#save({
      ...stored,
      tokens: { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken, scope: tokens.scope ?? stored.tokens?.scope },
      savedAt: Date.now(),
    }).catch(() => undefined);
  }

  /** Discovers, gets a client and runs the configured grant; the tokens are stored. */
  async authorize(request: LoginRequest): Promise<void> {
    const grant = this.options.grant;
    if (grant.type === 'authorization_code' && !request.interactive) {
      // Someone may have logged in meanwhile (`mcpx login` in another terminal, another provider on the same store).
      if (await this.#adoptStored(false)) return;
      throw new LoginRequiredError(this.server.href, this.#whyLogIn(request), {
        hint: this.options.loginHint ?? `log in with \`mcpx login ${this.options.serverName ?? this.server.href}\``,
      });
    }
    const authorized = await authorize({
      server: this.server,
      options: this.options,
      http: this.http,
      request,
      stored: this.#stored,
      dpopKey: () => this.#dpopKey(),
    });
    this.#resourceId = authorized.resourceId;
    this.#metadata = authorized.metadata;
    this.#endpoint = authorized.endpoint;
    await this.#save(authorized.login);
  }

  /**
   * Asks the MCP server, without a token, how to log in: the parameters of its 401
   * challenge, or none when it answers otherwise (discovery then uses the well-known URLs).
   */
  probe(signal: AbortSignal | undefined): Promise<Readonly<Record<string, string>>> {
    return probeChallenge(this.http, this.server, signal);
  }

  /** Deletes the stored login, revoking the tokens first where the server supports it. */
  async logout(): Promise<{ revoked: boolean }> {
    const stored = this.#stored;
    if (stored === undefined) return { revoked: false };
    let revoked = false;
    try {
      revoked = await this.#revoke(stored);
    } finally {
      this.#stored = undefined;
      this.#setHeader();
      await this.options.store.delete(this.key);
    }
    return { revoked };
  }

  /** What is stored, without the tokens. */
  status(): LoginStatus | undefined {
    const stored = this.#stored;
    if (stored?.tokens === undefined) return undefined;
    return {
      serverUrl: stored.serverUrl,
      issuer: stored.issuer,
      clientId: stored.client.clientId,
      scopes: scopeList(stored.tokens.scope),
      expiresAt: stored.tokens.expiresAt === undefined ? undefined : new Date(stored.tokens.expiresAt),
      refreshable: stored.tokens.refreshToken !== undefined,
      tokenType: stored.tokens.tokenType,
    };
  }

  /** Why a login is needed, for a `LoginRequiredError`. */
  #whyLogIn(request: LoginRequest): string {
    if (request.stepUp) {
      const granted = this.scopes();
      const missing = scopeList(request.challengeScope).filter((scope) => !granted.includes(scope));
      if (missing.length === 0) return 'the server asks for more scopes than the stored login has';
      return `the server asks for the scope${missing.length === 1 ? '' : 's'} ${missing.join(' ')}, which the stored login lacks`;
    }
    return this.#stored?.tokens ? 'the stored login expired and could not be refreshed' : 'no stored login';
  }

  /**
   * Takes the stored login when it holds other tokens than this one, and with `newerOnly` only when
   * it was saved after this one (an older one, left by a save that failed, holds a spent refresh
   * token): true when it did.
   */
  async #adoptStored(newerOnly: boolean): Promise<boolean> {
    const stored = await this.options.store.get(this.key);
    const mine = this.#stored;
    if (stored?.tokens === undefined || stored.tokens.accessToken === mine?.tokens?.accessToken) return false;
    if (newerOnly && mine?.tokens !== undefined && stored.savedAt <= mine.savedAt) return false;
    this.#unsaved = false;
    this.#stored = stored;
    this.#endpoint = undefined;
    this.#metadata = undefined;
    this.#resourceId = stored.resource ?? this.#resourceId;
    this.#dpop = stored.dpopKey === undefined ? undefined : await restoreDpopKey(stored.dpopKey);
    this.#setHeader();
    return true;
  }

  /**
   * Forgets a refresh token the authorization server refused (expired, revoked), so that each
   * request does not try it again; the access token is kept while the server takes it.
   */
  async #dropRefreshToken(stored: StoredLogin): Promise<void> {
    if (stored.tokens === undefined) return;
    const { refreshToken: _refused, ...tokens } = stored.tokens;
    // The refusal is the error to report, not a store that cannot save.
    await this.#save({ ...stored, tokens, savedAt: Date.now() }).catch(() => undefined);
  }

  /** `#adoptStored()`, a store that cannot be read counting as one with nothing newer. */
  async #adoptStoredSafely(newerOnly: boolean): Promise<boolean> {
    return this.#adoptStored(newerOnly).catch(() => false);
  }

  /** The token endpoint for a stored login, worked out once. */
  async #endpointFor(stored: StoredLogin): Promise<TokenEndpoint> {
    if (this.#endpoint !== undefined) return this.#endpoint;
    this.#metadata ??= await storedServer(this.http, stored);
    this.#endpoint = await tokenEndpointFor(this.options, this.http, this.#metadata, stored.client, this.#dpop);
    return this.#endpoint;
  }

  async #dpopKey(): Promise<DpopKey | undefined> {
    const setting = this.options.dpop;
    if (setting === undefined || setting === false) return undefined;
    const alg = setting === true ? 'ES256' : setting.alg;
    if (this.#dpop?.alg !== alg) this.#dpop = await newDpopKey(alg);
    return this.#dpop;
  }

  async #revoke(stored: StoredLogin): Promise<boolean> {
    if (stored.tokens === undefined) return false;
    let endpoint: TokenEndpoint;
    try {
      endpoint = await this.#endpointFor(stored);
    } catch {
      return false;
    }
    return revokeTokens(endpoint, stored.tokens);
  }

  /** Keeps `login` and stores it; when the store fails, it stays marked unsaved (and the failure is thrown). */
  async #save(login: StoredLogin): Promise<void> {
    this.#stored = login;
    this.#setHeader();
    this.#unsaved = true;
    await this.options.store.set(this.key, login);
    if (this.#stored === login) this.#unsaved = false;
  }

  #setHeader(): void {
    const tokens = this.#stored?.tokens;
    this.#header = tokens === undefined ? undefined : `${tokens.tokenType === 'DPoP' ? 'DPoP' : 'Bearer'} ${tokens.accessToken}`;
    this.#bearer =
      tokens === undefined || tokens.tokenType === 'DPoP' ? undefined : Object.freeze({ authorization: this.#header as string });
    this.#refreshAt = tokens?.expiresAt === undefined || tokens.refreshToken === undefined ? Infinity : tokens.expiresAt - this.#marginMs();
  }

  /**
   * The headers of a request when they cost no work, ready made: none without a token, the
   * Bearer token's otherwise. Undefined when there is work to do first: a DPoP proof to sign
   * (one per request) or a refresh that is due.
   */
  readyHeaders(): Readonly<Record<string, string>> | undefined {
    if (this.#header === undefined) return NO_HEADERS;
    if (this.#bearer === undefined || Date.now() >= this.#refreshAt) return undefined;
    return this.#bearer;
  }
}
