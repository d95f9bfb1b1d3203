import type { AuthProvider, LocalError } from '@mcpx/core';
import type { OAuthOptions, OAuthProvider, RefreshEvent, TokenStore, UserAgent } from '@mcpx/auth';
import type { ServerConfig } from '../config/types.js';
import { authMissing, loadAuth } from '../transports/auth-peer.js';

/**
 * How the factory gives OAuth to the HTTP, SSE and WebSocket servers of a config (with
 * `@mcpx/auth` installed): the settings that are the program's rather than a server's.
 */
export interface FactoryOAuthOptions {
  /** Where logins are kept, shared by every server. @default `fileTokenStore()`: one 0600 file per login under ~/.config/mcpx/auth */
  store?: TokenStore | undefined;
  /**
   * Whether a user is there to log in. When false, a server that needs a login fails with
   * `LoginRequiredError` (and a registry marks it needs-login) instead of opening a browser.
   * @default true when standard error is a terminal, or when `userAgent` is given
   */
  interactive?: boolean | undefined;
  /** Opens the authorization URL. @default opens the default browser and prints the URL on standard error */
  userAgent?: UserAgent | undefined;
  /** What a user should do to log in to the server named `server`. @default run `mcpx login <server>` */
  loginHint?: ((server: string) => string) | undefined;
  /**
   * Told of each refresh of an access token, in the async context of the request that needed it
   * (so under `@mcpx/otel`, `trace.getActiveSpan()` there is that request's span). @default none
   */
  onRefresh?: ((event: RefreshEvent) => void) | undefined;
  /** Told of what went wrong without failing a request, such as a token store's lock that failed. @default a process warning */
  onWarning?: ((warning: LocalError) => void) | undefined;
}

/** Whether `headers` hold an `Authorization` header, in any case. */
export function hasAuthorization(headers: Readonly<Record<string, string>>): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
}

/**
 * The `OAuthOptions` of `server` from its config and `options`; undefined when it gets no OAuth:
 * a stdio server, `oauth: false`, or an `Authorization` header without OAuth settings.
 */
export function oauthOptionsFor(server: ServerConfig, options: FactoryOAuthOptions & { store: TokenStore }): OAuthOptions | undefined {
  // OAuth discovery is HTTP's (RFC 9728 on the server's URL): a gRPC server takes credentials in its headers.
  if (server.transport === 'stdio' || server.transport === 'grpc' || server.oauth === false) return undefined;
  if (server.oauth === undefined && hasAuthorization(server.headers)) return undefined;
  const { grant, ...settings } = server.oauth ?? {};
  return {
    ...settings,
    ...(grant === undefined ? {} : { grant: { ...grant } }),
    scopes: settings.scopes === undefined ? undefined : [...settings.scopes],
    dpop: typeof settings.dpop === 'object' ? { ...settings.dpop } : settings.dpop,
    store: options.store,
    interactive: options.interactive,
    userAgent: options.userAgent,
    serverName: server.name,
    loginHint: options.loginHint?.(server.name) ?? `run \`mcpx login ${server.name}\``,
    onRefresh: options.onRefresh,
    onWarning: options.onWarning,
  };
}

/**
 * An `OAuthProvider` for `server`, or undefined when it gets no OAuth or `@mcpx/auth` is not
 * installed. A server with OAuth settings in its config needs the package: without it, this
 * throws a `ConfigError` saying how to install it.
 */
export async function createOAuthProvider(server: ServerConfig, options: FactoryOAuthOptions = {}): Promise<OAuthProvider | undefined> {
  if (server.transport === 'stdio' || server.transport === 'grpc' || server.oauth === false) return undefined;
  if (server.oauth === undefined && hasAuthorization(server.headers)) return undefined;
  const auth = await loadAuth(server.name);
  if (auth === undefined) {
    if (server.oauth !== undefined) throw authMissing(server.name);
    return undefined;
  }
  const oauth = oauthOptionsFor(server, { ...options, store: options.store ?? auth.fileTokenStore() });
  return oauth === undefined ? undefined : new auth.OAuthProvider(oauth);
}

/**
 * The credentials a connector uses for `server`: its `OAuthProvider`. For a server whose config
 * says nothing of OAuth, a 401 whose challenges are all of another scheme (`Basic`, an API
 * key's) is left as it is rather than answered with a browser login; a Bearer or DPoP
 * challenge, or none (servers of 2025-03-26), starts OAuth.
 */
export async function connectorAuth(server: ServerConfig, options: FactoryOAuthOptions = {}): Promise<AuthProvider | undefined> {
  const provider = await createOAuthProvider(server, options);
  const auth = provider === undefined ? undefined : await loadAuth(server.name);
  if (provider === undefined || auth === undefined || (server.transport !== 'stdio' && server.oauth !== undefined)) return provider;
  return {
    headers: (context) => provider.headers(context),
    onUnauthorized: (context) => {
      const challenges = auth.parseChallenges(context.wwwAuthenticate);
      if (challenges.length > 0 && !challenges.some((challenge) => challenge.scheme === 'bearer' || challenge.scheme === 'dpop'))
        return false;
      return provider.onUnauthorized(context);
    },
  };
}
