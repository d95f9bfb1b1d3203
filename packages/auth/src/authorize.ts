import { oauthChallenge } from './challenge.js';
import { chooseClient } from './client-choice.js';
import type { ServerMetadata } from './discovery/server-metadata.js';
import { saveDpopKey, type DpopKey } from './dpop.js';
import { defaultUserAgent } from './flows/default-user-agent.js';
import { listenForRedirect, type LoopbackRedirect } from './flows/loopback-redirect.js';
import { authorizationCode } from './grants/authorization-code.js';
import { enterprise } from './grants/enterprise.js';
import type { GrantContext } from './grants/grant-context.js';
import { clientCredentials, workloadIdentity } from './grants/machine-grants.js';
import { send, type HttpSettings } from './http.js';
import type { ResolvedOAuthOptions } from './options.js';
import { chooseScope } from './scopes.js';
import { discover } from './session.js';
import { endpointsOf } from './stored-server.js';
import type { StoredClient, StoredLogin, StoredTokens } from './store/token-store.js';
import { tokenEndpointFor, type TokenEndpoint } from './token-endpoint.js';
import { canonicalUrl } from './url-policy.js';

/** Why and how to obtain tokens. */
export interface LoginRequest {
  /** The `resource_metadata` URL of the challenge, if any. */
  resourceMetadata: string | undefined;
  /** The `scope` of the challenge, if any. */
  challengeScope: string | undefined;
  /** True for a 403 `insufficient_scope`: ask for what was granted plus the new scopes. */
  stepUp: boolean;
  signal: AbortSignal | undefined;
  /** Whether a user may be sent to the browser. */
  interactive: boolean;
  /** Scopes that override the configured ones (`mcpx login --scope`). */
  scopes: readonly string[] | undefined;
}

/** What obtaining new tokens for one MCP server needs. */
export interface AuthorizeInput {
  server: URL;
  options: ResolvedOAuthOptions;
  http: HttpSettings;
  request: LoginRequest;
  /** The login stored so far, if any: its client and scopes carry over at the same authorization server. */
  stored: StoredLogin | undefined;
  /** The DPoP key to bind the tokens to (undefined without DPoP), asked for once the client is chosen. */
  dpopKey: () => Promise<DpopKey | undefined>;
}

/** A new login, not stored yet: what to store, and where it was made. */
export interface Authorized {
  login: StoredLogin;
  /** The resource identifier (RFC 8707) the tokens are for. */
  resourceId: string;
  /** The authorization server's metadata. */
  metadata: ServerMetadata;
  /** The token endpoint, authenticating as the login's client. */
  endpoint: TokenEndpoint;
}

/** Discovers the authorization server, chooses the scopes and the client, and runs the configured grant. */
export async function authorize(input: AuthorizeInput): Promise<Authorized> {
  const { server, options, http, request } = input;
  const discovered = await discover(http, server, request.resourceMetadata);
  let stored = input.stored;
  // The server moved to another authorization server: its client and tokens are no good there.
  if (stored !== undefined && canonicalUrl(stored.issuer) !== canonicalUrl(discovered.server.issuer)) stored = undefined;
  const scope = chooseScope({
    configured: request.scopes ?? options.scopes,
    challenge: request.challengeScope,
    resource: discovered.resource,
    server: discovered.server,
    previous: stored?.tokens?.scope,
    stepUp: request.stepUp,
  });
  const redirect = options.grant.type === 'authorization_code' ? await listen(options, stored?.client) : undefined;
  try {
    const client = await chooseClient({ options, http, discovered, stored: stored?.client, redirect, scope });
    const dpop = await input.dpopKey();
    const endpoint = await tokenEndpointFor(options, http, discovered.server, client, dpop);
    const context: GrantContext = {
      options,
      server: discovered.server,
      endpoint,
      resource: discovered.resourceId,
      scope,
      signal: request.signal,
    };
    const tokens = await grant(context, redirect, server);
    const login: StoredLogin = {
      serverUrl: canonicalUrl(server),
      resource: discovered.resourceId,
      issuer: discovered.server.issuer,
      // A refresh authenticates as this login did, whatever the metadata says by then.
      client: { ...client, tokenEndpointAuthMethod: endpoint.client.token_endpoint_auth_method as string },
      tokens: { ...tokens, scope: tokens.scope ?? scope },
      endpoints: endpointsOf(discovered.server),
      ...(dpop === undefined ? {} : { dpopKey: await saveDpopKey(dpop) }),
      savedAt: Date.now(),
    };
    return { login, resourceId: discovered.resourceId, metadata: discovered.server, endpoint };
  } finally {
    await redirect?.close();
  }
}

/**
 * Asks the MCP server, without a token, how to log in: the parameters of its 401
 * challenge, or none when it answers otherwise (discovery then uses the well-known URLs).
 */
export async function probeChallenge(
  http: HttpSettings,
  server: URL,
  signal: AbortSignal | undefined,
): Promise<Readonly<Record<string, string>>> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'ping' });
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body,
    ...(signal ? { signal } : {}),
  };
  // A server that cannot be reached sends no challenge: discovery falls back to the well-known URLs.
  const response = await send(http, server, init, 'resource discovery').catch(() => undefined);
  // Only the status and headers matter; a body that fails to cancel goes with the response.
  await response?.body?.cancel().catch(() => undefined);
  if (response?.status !== 401) return {};
  return oauthChallenge(response.headers.get('www-authenticate') ?? undefined)?.params ?? {};
}

/** Runs the configured grant. */
async function grant(context: GrantContext, redirect: LoopbackRedirect | undefined, server: URL): Promise<StoredTokens> {
  const { options } = context;
  switch (options.grant.type) {
    case 'authorization_code':
      if (redirect === undefined) throw new TypeError('the authorization code grant needs a redirect listener');
      return authorizationCode(context, redirect, options.userAgent ?? defaultUserAgent(options.serverName ?? server.href));
    case 'client_credentials':
      return clientCredentials(context);
    case 'enterprise':
      return enterprise(context);
    case 'workload_identity':
      return workloadIdentity(context);
  }
}

/** Listens for the browser's return, on the port the stored client registered when it is free. */
async function listen(options: ResolvedOAuthOptions, client: StoredClient | undefined): Promise<LoopbackRedirect> {
  const registered = client?.redirectUris?.map((uri) => new URL(uri)).find((uri) => uri.hostname === '127.0.0.1' && uri.port !== '');
  if (options.redirectPort === 0 && registered !== undefined) {
    // The registered port may be taken now: a new port is used then.
    const reused = await listenForRedirect(Number(registered.port), registered.pathname).catch(() => undefined);
    if (reused !== undefined) return reused;
  }
  return listenForRedirect(options.redirectPort);
}
