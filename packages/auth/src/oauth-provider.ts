import { type AuthContext, type AuthProvider, type UnauthorizedContext } from '@mcpx/core';
import type { LoginRequest } from './authorize.js';
import { oauthChallenge, type Challenge } from './challenge.js';
import type { HttpSettings } from './http.js';
import { Login } from './login.js';
import { OAuthError } from './oauth-error.js';
import { resolveOAuthOptions, type OAuthOptions, type ResolvedOAuthOptions } from './options.js';
import { scopeList } from './scopes.js';
import { SingleFlight } from './single-flight.js';
import { canonicalUrl } from './url-policy.js';

/**
 * How long the failure of a login that a 401 started (declined, timed out) answers the 401s
 * that follow, instead of a new browser window: enough for the requests that were on their
 * way to come back.
 */
export const FAILED_LOGIN_HOLD_MS = 10_000;

/** What `status()` tells about a login; never a token. */
export interface LoginStatus {
  serverUrl: string;
  issuer: string;
  clientId: string;
  /** The scopes granted. */
  scopes: string[];
  /** When the access token expires, if the server said. */
  expiresAt: Date | undefined;
  /** Whether a refresh token is kept. */
  refreshable: boolean;
  /** `Bearer` or `DPoP`. */
  tokenType: string;
}

/**
 * OAuth for one MCP server, as an `AuthProvider` for the Streamable HTTP, HTTP+SSE and
 * WebSocket transports. On a 401 it discovers the server's authorization server, gets a
 * client (configured, client ID metadata document, or dynamic registration), logs the
 * user in through the browser (or runs a machine grant), and keeps the tokens in its
 * `TokenStore`; expired tokens are refreshed, one refresh at a time however many requests
 * were refused, and a 403 `insufficient_scope` asks for the scopes it names. With a valid
 * token, a request costs nothing more than a header.
 *
 * @example
 * ```ts
 * const auth = new OAuthProvider({ store: fileTokenStore() });
 * await client.connect(new StreamableHttpTransport('https://mcp.example.com/mcp', { authProvider: auth }));
 * ```
 */
export class OAuthProvider implements AuthProvider {
  readonly #options: ResolvedOAuthOptions;
  readonly #http: HttpSettings;
  /** The MCP server this provider authorizes, learned from the first request when not given. */
  #serverUrl: URL | undefined;
  /** The origin of `#serverUrl`, the only one that gets tokens. */
  #origin: string | undefined;
  #login: Login | undefined;
  #loading: Promise<Login> | undefined;
  /** The one token operation (refresh, login or step-up) running; others wait for it. */
  readonly #flight = new SingleFlight();
  /** The last login a 401 started that failed (declined, timed out), held for `FAILED_LOGIN_HOLD_MS`. */
  #failedLogin: { error: unknown; atMs: number } | undefined;
  /** Step-ups in a row that got no scope the token lacked; `maxStepUps` of them end step-ups. */
  #fruitlessStepUps = 0;

  constructor(options: OAuthOptions = {}) {
    this.#options = resolveOAuthOptions(options);
    this.#http = { fetch: this.#options.fetch, requestTimeoutMs: this.#options.requestTimeoutMs };
  }

  /**
   * The `Authorization` header (and DPoP proof) for a request to the server; nothing for other
   * origins. With a valid Bearer token it answers at once, without a promise: the common case
   * costs no more than a header.
   */
  headers(context: AuthContext): Record<string, string> | Promise<Record<string, string>> {
    const login = this.#login;
    if (login !== undefined && context.url.origin === this.#origin) {
      const ready = login.readyHeaders();
      if (ready !== undefined) return ready;
    }
    return this.#headers(context);
  }

  async #headers(context: AuthContext): Promise<Record<string, string>> {
    const login = await this.#loginFor(context.url);
    if (login === undefined) return {};
    if (login.expired() && login.refreshable()) {
      // A refresh that fails here keeps the login (a network blip must not lose it; only a refresh
      // token the server refused is dropped): the request goes with the old token, and its 401 is
      // handled by onUnauthorized(). onRefresh was told of the failure.
      await this.#flight.run('refresh', (signal) => this.#refresh(login, context.url, signal, true).catch(() => undefined));
    }
    return login.authorization(context.method, context.url);
  }

  /** Fixes a 401 (refresh, or log in) or a 403 `insufficient_scope` (step up); `true` means retry. */
  async onUnauthorized(context: UnauthorizedContext): Promise<boolean> {
    const login = await this.#loginFor(context.url);
    if (login === undefined) return false;
    const challenge = oauthChallenge(context.wwwAuthenticate);
    if (login.takeResourceNonce(context, challenge)) return true;
    // A refusal of an older token (a request on the wire during a refresh or a step-up), or
    // one that comes while such an operation runs, is retried with what that operation gets.
    if (login.isStale(context.sent)) return true;
    if (this.#flight.running !== undefined) {
      await this.#flight.join(context.status === 403 ? 'step-up' : 'login', context.signal);
      return true;
    }
    if (context.status === 403) return this.#stepUp(login, challenge, context.signal);
    // Requests already on their way when a login failed get its failure, not another browser window.
    const failed = this.#failedLogin;
    if (failed !== undefined && Date.now() - failed.atMs < FAILED_LOGIN_HOLD_MS) throw failed.error;
    await this.#flight.run(
      'login',
      async (signal) => {
        if (context.sent.authorization !== undefined && login.refreshable()) {
          const refreshed = await this.#refresh(login, context.url, signal).then(
            () => true,
            () => false,
          );
          if (refreshed) return;
        }
        try {
          await login.authorize(this.#request(challenge?.params ?? {}, false, signal));
          this.#failedLogin = undefined;
        } catch (error) {
          // Not a login every waiting request gave up on: the next request may start one.
          if (this.#options.interactive && !signal.aborted) this.#failedLogin = { error, atMs: Date.now() };
          throw error;
        }
      },
      context.signal,
    );
    return true;
  }

  /** Refreshes the login's access token, and tells `onRefresh` how it went; rejects as the refresh does. */
  async #refresh(login: Login, url: URL, signal: AbortSignal, early = false): Promise<void> {
    const startedMs = performance.now();
    let error: Error | undefined;
    try {
      await login.refresh(signal, early);
    } catch (failure) {
      error = failure instanceof Error ? failure : new Error(String(failure));
      throw failure;
    } finally {
      try {
        this.#options.onRefresh?.({ serverUrl: (this.#serverUrl ?? url).href, durationMs: performance.now() - startedMs, error });
      } catch {
        // A throwing listener must not change how the request goes.
      }
    }
  }

  /**
   * Logs in to `serverUrl` now, as `mcpx login` does: discovers, registers and runs the
   * grant even if tokens are stored, so a user can switch accounts or scopes.
   */
  async login(serverUrl: string | URL, options: { signal?: AbortSignal; scopes?: readonly string[] } = {}): Promise<LoginStatus> {
    const url = new URL(serverUrl);
    this.#serverUrl ??= url;
    const login = await this.#loginFor(url, true);
    if (login === undefined)
      throw new OAuthError('authorization', `this provider is for ${this.#serverUrl.href}, not ${url.href}`, {
        hint: 'use one OAuthProvider per server',
      });
    const challenge = await login.probe(options.signal);
    await this.#flight.idle();
    this.#failedLogin = undefined;
    await this.#flight.run(
      'login',
      (signal) => login.authorize({ ...this.#request(challenge, false, signal), interactive: true, scopes: options.scopes }),
      options.signal,
    );
    const status = login.status();
    if (status === undefined) throw new OAuthError('authorization', `the login to ${url.href} ended without tokens`);
    return status;
  }

  /** Forgets the stored login of the server, revoking its tokens where the server supports revocation. */
  async logout(serverUrl?: string | URL): Promise<{ revoked: boolean }> {
    const url = serverUrl === undefined ? this.#serverUrl : new URL(serverUrl);
    if (url === undefined) return { revoked: false };
    const login = await this.#loginFor(url, true);
    return login === undefined ? { revoked: false } : login.logout();
  }

  /** What is stored for the server: issuer, client, scopes and expiry, never a token. */
  async status(serverUrl?: string | URL): Promise<LoginStatus | undefined> {
    const url = serverUrl === undefined ? this.#serverUrl : new URL(serverUrl);
    if (url === undefined) return undefined;
    return (await this.#loginFor(url, true))?.status();
  }

  /**
   * Logs in again for the scopes a 403 `insufficient_scope` names, unless a new login cannot help:
   * the token holds every scope named already, or `maxStepUps` step-ups in a row got no scope
   * it lacked (declined, or refused by the authorization server). A step-up that gets a new
   * scope resets that count, so a long-running process can step up whenever it needs to.
   */
  async #stepUp(login: Login, challenge: Challenge | undefined, signal: AbortSignal): Promise<boolean> {
    if (challenge?.params.error !== 'insufficient_scope') return false;
    const granted = new Set(login.scopes());
    const asked = scopeList(challenge.params.scope);
    if (asked.length > 0 && asked.every((scope) => granted.has(scope))) return false;
    if (this.#fruitlessStepUps >= this.#options.maxStepUps) return false;
    let grew = false;
    try {
      await this.#flight.run('step-up', (own) => login.authorize(this.#request(challenge.params, true, own)), signal);
      grew = login.scopes().some((scope) => !granted.has(scope));
    } finally {
      this.#fruitlessStepUps = grew ? 0 : this.#fruitlessStepUps + 1;
    }
    return true;
  }

  #request(params: Readonly<Record<string, string>>, stepUp: boolean, signal: AbortSignal | undefined): LoginRequest {
    return {
      resourceMetadata: params.resource_metadata,
      challengeScope: params.scope,
      stepUp,
      signal,
      interactive: this.#options.interactive,
      scopes: undefined,
    };
  }

  /** The login state for requests to `url`; undefined for a URL of another origin, which gets no token. */
  async #loginFor(url: URL, exact = false): Promise<Login | undefined> {
    this.#serverUrl ??= new URL(url);
    const server = this.#serverUrl;
    this.#origin = server.origin;
    if (url.origin !== server.origin) return undefined;
    if (exact && canonicalUrl(url) !== canonicalUrl(server)) return undefined;
    if (this.#login !== undefined) return this.#login;
    this.#loading ??= Login.load(server, this.#options, this.#http).catch((error: unknown) => {
      this.#loading = undefined; // a store that failed once may work next time
      throw error;
    });
    this.#login = await this.#loading;
    return this.#login;
  }
}
