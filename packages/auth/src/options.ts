import type { JWK } from 'jose';
import { ConfigError, type LocalError } from '@mcpx/core';
import { checkOptions, type OptionKeys } from '@mcpx/core/internal';
import type { TokenEndpointAuthMethod } from './client-auth.js';
import type { UserAgent } from './flows/authorization-code.js';
import type { FetchLike } from './http.js';
import type { TokenStore } from './store/token-store.js';
import { memoryTokenStore } from './store/memory-store.js';

/** A string known now, or fetched when needed (a token a platform rotates, for example). */
export type Secret = string | (() => string | Promise<string>);

/**
 * How tokens are obtained. The default, `authorization_code`, logs a user in through the
 * browser; the others are for machines (the spec's extensions).
 */
export type OAuthGrant =
  | { type: 'authorization_code' }
  /** Client credentials (RFC 6749 §4.4): the client's own secret or key, no user. */
  | { type: 'client_credentials' }
  /**
   * Enterprise-managed authorization: an identity assertion from the company's identity
   * provider is exchanged there (RFC 8693) for an identity assertion grant, which the MCP
   * server's authorization server takes as a JWT bearer grant (RFC 7523).
   */
  | {
      type: 'enterprise';
      /** The user's ID token (or other identity assertion) from the identity provider. */
      idToken: Secret;
      /** The identity provider's token endpoint, where the exchange happens. */
      idpTokenEndpoint: string;
      /** The client ID at the identity provider, if it differs from `clientId`. */
      idpClientId?: string | undefined;
      /** The client secret at the identity provider, if it needs one; `clientSecret` is never sent there. */
      idpClientSecret?: string | undefined;
    }
  /**
   * Workload identity federation: a token the platform gives this workload (Kubernetes,
   * a cloud, CI) is sent as a JWT bearer grant (RFC 7523).
   */
  | {
      type: 'workload_identity';
      /** The platform's token: read from `tokenFile` at each use, or given by a callback. */
      token?: Secret | undefined;
      /** A file holding the platform's token, read at each use (platforms rotate it). */
      tokenFile?: string | undefined;
    };

/** Options of `new OAuthProvider()`. Every one is optional: a server's 401 tells the rest. */
export interface OAuthOptions {
  /** A client registered beforehand. Without one, mcpx uses a client ID metadata document or registers dynamically. */
  clientId?: string | undefined;
  /** The secret of the pre-registered client, if it has one. */
  clientSecret?: string | undefined;
  /** A private key for `private_key_jwt` and signed assertions: a JWK (with `alg`) or a PKCS#8 PEM. */
  privateKey?: JWK | string | undefined;
  /** The private key's algorithm when the key does not name it. @default `RS256` */
  privateKeyAlg?: string | undefined;
  /** The token endpoint authentication method; chosen from what the server supports when absent. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod | undefined;
  /**
   * An HTTPS URL serving this client's metadata document, used as the `client_id` where the
   * authorization server supports client ID metadata documents.
   */
  clientMetadataUrl?: string | undefined;
  /** The name shown on the consent screen when mcpx registers. @default `'mcpx'` */
  clientName?: string | undefined;
  /** The scopes to ask for; when absent, the server's challenge or its published scopes decide. */
  scopes?: readonly string[] | undefined;
  /** How tokens are obtained. @default `{ type: 'authorization_code' }` */
  grant?: OAuthGrant | undefined;
  /** Bind tokens to a key (DPoP, RFC 9449). `true` uses ES256. @default false */
  dpop?: boolean | { alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA' } | undefined;
  /** The loopback port the browser returns to; 0 picks a free one. @default 0 */
  redirectPort?: number | undefined;
  /**
   * Whether a user is there to log in. When false, a server that needs a login fails with
   * `LoginRequiredError` instead of opening a browser.
   * @default true when standard error is a terminal, or when `userAgent` is given
   */
  interactive?: boolean | undefined;
  /** Opens the authorization URL. @default opens the default browser and prints the URL on standard error */
  userAgent?: UserAgent | undefined;
  /** How long a user has to finish logging in. @default 300000 (5 minutes) */
  loginTimeoutMs?: number | undefined;
  /** Each request to an authorization server gives up after this. @default 30000 */
  requestTimeoutMs?: number | undefined;
  /**
   * How many step-ups in a row (logins again after a 403 `insufficient_scope`) may end without a
   * scope the token lacked, declined or refused, before such 403s are given up; a step-up that
   * gets a new scope starts the count again. 0 turns step-up off. @default 2
   */
  maxStepUps?: number | undefined;
  /** Where logins are kept. @default `memoryTokenStore()` */
  store?: TokenStore | undefined;
  /**
   * Told of a fault that does not fail a request: the store's refresh lock could not be taken (a
   * shared store that is unreachable), reported once until it is taken again.
   * @default a Node process warning (`process.emitWarning`) of type `McpxWarning`
   */
  onWarning?: ((warning: LocalError) => void) | undefined;
  /** What the user calls this server, for messages such as "run `mcpx login <name>`". */
  serverName?: string | undefined;
  /** What a user should run to log in, ending a `LoginRequiredError`. @default "log in with `mcpx login <serverName>`" */
  loginHint?: string | undefined;
  /** The `fetch` for requests to authorization servers and metadata. @default `globalThis.fetch` */
  fetch?: FetchLike | undefined;
  /**
   * Told of each refresh of the access token once it ends. It is called in the async context of
   * the request that needed the refresh, so under `@mcpx/otel` `trace.getActiveSpan()` there is
   * that request's span. A listener that throws is ignored. @default none
   */
  onRefresh?: ((event: RefreshEvent) => void) | undefined;
}

/** One refresh of an access token, as `onRefresh` is told of it. */
export interface RefreshEvent {
  /** The MCP server the token is for. */
  serverUrl: string;
  /** How long the refresh took, in milliseconds. */
  durationMs: number;
  /** Why it failed; the request then goes with the old token, or on to a login. */
  error?: Error | undefined;
}

/** Every option of `OAuthOptions`, for typo checks in layers that take them. */
export const OAUTH_OPTION_KEYS = {
  clientId: true,
  clientSecret: true,
  privateKey: true,
  privateKeyAlg: true,
  tokenEndpointAuthMethod: true,
  clientMetadataUrl: true,
  clientName: true,
  scopes: true,
  grant: true,
  dpop: true,
  redirectPort: true,
  interactive: true,
  userAgent: true,
  loginTimeoutMs: true,
  requestTimeoutMs: true,
  maxStepUps: true,
  store: true,
  onWarning: true,
  serverName: true,
  loginHint: true,
  fetch: true,
  onRefresh: true,
} as const satisfies OptionKeys<OAuthOptions>;

/** `OAuthOptions` with defaults applied. */
export interface ResolvedOAuthOptions extends Omit<
  OAuthOptions,
  'store' | 'onWarning' | 'fetch' | 'loginTimeoutMs' | 'requestTimeoutMs' | 'maxStepUps' | 'clientName' | 'grant' | 'redirectPort'
> {
  store: TokenStore;
  onWarning: (warning: LocalError) => void;
  fetch: FetchLike;
  loginTimeoutMs: number;
  requestTimeoutMs: number;
  maxStepUps: number;
  clientName: string;
  grant: OAuthGrant;
  redirectPort: number;
  interactive: boolean;
}

const GRANTS = ['authorization_code', 'client_credentials', 'enterprise', 'workload_identity'];

/** Checks `options` and applies the defaults; a mistake is a `ConfigError` saying what to fix. */
export function resolveOAuthOptions(options: OAuthOptions = {}): ResolvedOAuthOptions {
  checkOptions(options, OAUTH_OPTION_KEYS, { where: 'new OAuthProvider()' });
  const fail = (message: string): never => {
    throw new ConfigError(`new OAuthProvider(): ${message}`);
  };
  const grant = options.grant ?? { type: 'authorization_code' };
  if (!GRANTS.includes(grant.type)) fail(`"grant.type" must be one of ${GRANTS.join(', ')} (got ${JSON.stringify(grant.type)})`);
  if (grant.type === 'client_credentials' && options.clientId === undefined)
    fail('the client_credentials grant needs "clientId" with "clientSecret" or "privateKey"');
  if (grant.type === 'client_credentials' && options.clientSecret === undefined && options.privateKey === undefined)
    fail('the client_credentials grant needs "clientSecret" or "privateKey"');
  if (grant.type === 'workload_identity' && grant.token === undefined && grant.tokenFile === undefined)
    fail('the workload_identity grant needs "token" or "tokenFile"');
  if (grant.type === 'enterprise' && (grant.idToken === undefined || grant.idpTokenEndpoint === undefined))
    fail('the enterprise grant needs "idToken" and "idpTokenEndpoint"');
  const port = options.redirectPort ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`"redirectPort" must be a port number from 0 to 65535 (got ${String(port)})`);
  for (const key of ['loginTimeoutMs', 'requestTimeoutMs'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      fail(`"${key}" must be a positive number of milliseconds (got ${String(value)})`);
  }
  if (options.clientMetadataUrl !== undefined && !/^https:\/\/[^/]+\/./.test(options.clientMetadataUrl)) {
    fail(`"clientMetadataUrl" must be an HTTPS URL with a path (got ${JSON.stringify(options.clientMetadataUrl)})`);
  }
  return {
    ...options,
    store: options.store ?? memoryTokenStore(),
    onWarning: options.onWarning ?? ((warning) => process.emitWarning(warning.message, { type: 'McpxWarning', code: warning.code })),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    loginTimeoutMs: options.loginTimeoutMs ?? 300_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxStepUps: options.maxStepUps ?? 2,
    clientName: options.clientName ?? 'mcpx',
    grant,
    redirectPort: port,
    interactive: options.interactive ?? (options.userAgent !== undefined || process.stderr.isTTY === true),
  };
}
