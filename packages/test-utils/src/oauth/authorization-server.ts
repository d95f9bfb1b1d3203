import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** Options of `startAuthorizationServer`. */
export interface AuthorizationServerOptions {
  /** The scopes of every resource server it knows. @default ['mcp:read', 'mcp:write'] */
  scopes?: readonly string[];
  /** How long an access token lives, in milliseconds (rounded up to whole seconds). @default 3600000 */
  accessTokenTtlMs?: number;
  /** `opaque` tokens are checked by introspection, `jwt` ones against the JWKS. @default 'opaque' */
  accessTokenFormat?: 'opaque' | 'jwt';
  /** Whether each refresh returns a new refresh token and consumes the old one. @default true */
  rotateRefreshTokens?: boolean;
  /** Clients registered beforehand (a machine client for client credentials, for example). @default [] */
  clients?: readonly ClientMetadata[];
}

/** One thing the authorization server did, in order. */
export type AuthorizationServerEvent =
  | { type: 'registration'; clientId: string }
  | { type: 'authorization'; clientId: string }
  | { type: 'token'; grantType: string; clientId: string };

/** A running `oidc-provider` on 127.0.0.1, and what it did. */
export interface AuthorizationServer {
  /** The issuer: `http://127.0.0.1:<port>`, also the base of every endpoint. */
  readonly issuer: string;
  /** The provider itself, for what the helpers do not cover. */
  readonly provider: Provider;
  /** Registrations, authorizations and token requests, in order. */
  readonly events: readonly AuthorizationServerEvent[];
  /** Errors the provider hit while serving (a bug somewhere when not empty). */
  readonly serverErrors: readonly Error[];
  /** How many token requests used `grantType` (all grants when absent). */
  tokenRequests(grantType?: string): number;
  /** Lets tokens be issued for the resource server `url` (its audience); others are refused with `invalid_target`. */
  addResource(url: string): void;
  /** Introspects `token` (RFC 7662) as the resource servers do. */
  introspect(token: string): Promise<Record<string, unknown>>;
  /** Ends the access token `token` now, as if it had expired: the resource servers refuse it from then on. */
  expireAccessToken(token: string): Promise<void>;
  /** Ends the refresh token `token` now, as an administrator would. */
  revokeRefreshToken(token: string): Promise<void>;
  close(): Promise<void>;
}

/** The confidential client the resource servers introspect with. */
export const RESOURCE_SERVER_CLIENT = { clientId: 'mcp-resource-server', clientSecret: randomBytes(16).toString('hex') };

/**
 * Starts a real OAuth 2.1 / OpenID authorization server (`oidc-provider`) on a free
 * loopback port: authorization code with PKCE S256 (required), refresh tokens (rotated),
 * open dynamic client registration, resource indicators (RFC 8707) with the resource as
 * audience, DPoP, client credentials, introspection, revocation, and the provider's
 * development login and consent pages, which `robotBrowser()` fills in.
 *
 * @example
 * const as = await startAuthorizationServer({ accessTokenTtlMs: 5_000 });
 * try { ... } finally { await as.close(); }
 */
export async function startAuthorizationServer(options: AuthorizationServerOptions = {}): Promise<AuthorizationServer> {
  const scopes = options.scopes ?? ['mcp:read', 'mcp:write'];
  const ttlSeconds = Math.max(1, Math.ceil((options.accessTokenTtlMs ?? 3_600_000) / 1000));
  const format = options.accessTokenFormat ?? 'opaque';
  const resources = new Set<string>();
  const events: AuthorizationServerEvent[] = [];
  const serverErrors: Error[] = [];

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    jwks: { keys: await signingKeys() },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    clients: [
      {
        client_id: RESOURCE_SERVER_CLIENT.clientId,
        client_secret: RESOURCE_SERVER_CLIENT.clientSecret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
      ...(options.clients ?? []),
    ],
    scopes: ['openid', 'offline_access', ...scopes],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      registration: { enabled: true, initialAccessToken: false },
      clientCredentials: { enabled: true },
      // Only the resource servers' client introspects others' tokens; a client revokes only its own.
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => client.clientId === RESOURCE_SERVER_CLIENT.clientId || token.clientId === client.clientId,
      },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      dPoP: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? '',
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (!resources.has(indicator)) throw new errors.InvalidTarget(`${indicator} is not a resource server of ${issuer}`);
          return {
            scope: scopes.join(' '),
            audience: indicator,
            accessTokenTTL: ttlSeconds,
            accessTokenFormat: format,
            ...(format === 'jwt' ? { jwt: { sign: { alg: 'ES256' as const } } } : {}),
          };
        },
      },
    },
    // A refresh token for every client allowed the grant, offline_access or not.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => options.rotateRefreshTokens ?? true,
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    ttl: {
      AccessToken: ttlSeconds,
      ClientCredentials: ttlSeconds,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 86_400,
      Session: 3600,
    },
  };
  const provider = new Provider(issuer, configuration);
  const clientOf = (ctx: KoaContextWithOIDC): string => ctx.oidc.client?.clientId ?? '';
  provider.on('registration_create.success', (_ctx: KoaContextWithOIDC, client: { clientId: string }) =>
    events.push({ type: 'registration', clientId: client.clientId }),
  );
  provider.on('authorization.success', (ctx: KoaContextWithOIDC) => events.push({ type: 'authorization', clientId: clientOf(ctx) }));
  provider.on('grant.success', (ctx: KoaContextWithOIDC) =>
    events.push({ type: 'token', grantType: String(ctx.oidc.params?.grant_type), clientId: clientOf(ctx) }),
  );
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => serverErrors.push(error));
  const handle = provider.callback();
  // Koa answers its own errors (server_error above) and never rejects: the promise only says the response is done.
  server.on('request', (request, response) => void handle(request, response));

  const resourceServerAuth = `Basic ${Buffer.from(`${RESOURCE_SERVER_CLIENT.clientId}:${RESOURCE_SERVER_CLIENT.clientSecret}`).toString('base64')}`;
  const post = async (path: string, form: Record<string, string>): Promise<Response> =>
    fetch(`${issuer}${path}`, {
      method: 'POST',
      headers: { authorization: resourceServerAuth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });

  return {
    issuer,
    provider,
    events,
    serverErrors,
    tokenRequests: (grantType) => events.filter((e) => e.type === 'token' && (grantType === undefined || e.grantType === grantType)).length,
    addResource: (url) => void resources.add(url),
    async introspect(token) {
      const response = await post('/token/introspection', { token });
      if (!response.ok) throw new Error(`introspection at ${issuer} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    },
    async expireAccessToken(token) {
      const found = await provider.AccessToken.find(token);
      if (found === undefined) throw new Error(`${issuer} knows no access token like that`);
      await found.destroy();
    },
    async revokeRefreshToken(token) {
      const found = await provider.RefreshToken.find(token);
      if (found === undefined) throw new Error(`${issuer} knows no refresh token like that`);
      await found.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fresh signing keys: RS256 for ID tokens (the OpenID default), ES256 for JWT access tokens. */
async function signingKeys(): Promise<JWK[]> {
  const keys: JWK[] = [];
  for (const alg of ['RS256', 'ES256'] as const) {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    keys.push({ ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `${alg.toLowerCase()}-${randomBytes(4).toString('hex')}` });
  }
  return keys;
}
