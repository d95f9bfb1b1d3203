import type { ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import {
  replyJson,
  startFakeHttpServer,
  startFakeMcpServer,
  type FakeHttpServer,
  type FakeMcpServer,
  type RecordedRequest,
} from '@mcpx/test-utils';
import type { UnauthorizedContext } from '@mcpx/core';
import { afterEach } from 'vitest';
import { loginStoreKey } from '../src/login.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import { memoryTokenStore } from '../src/store/memory-store.js';
import type { StoredLogin, TokenStore } from '../src/store/token-store.js';

/**
 * A loopback authorization server with the faults a real one will not produce on demand.
 * By default it publishes RFC 8414 metadata and a token endpoint (any path ending in `/token`) that issues `at-<n>` access
 * tokens for any authorization code, client credentials and JWT bearer grant, and for the
 * authorization code and refresh grants rotates refresh tokens (`rt-<n>`): only the newest is
 * accepted, an older one is `invalid_grant`. `fakeBrowser()` answers its authorization endpoint.
 */
export interface FakeAuthorizationServer {
  readonly http: FakeHttpServer;
  readonly origin: string;
  /** The metadata served; change it to serve something else. */
  metadata: Record<string, unknown>;
  /** Replaces how `path` is answered (metadata or token endpoint). */
  answer(path: string, handler: (request: RecordedRequest, response: ServerResponse) => void): void;
  /** The token requests received (at any path ending in `/token`), as form parameters, optionally of one grant type. */
  tokenRequests(grantType?: string): URLSearchParams[];
  /** The `Authorization` values the MCP server should accept: the access tokens issued so far. */
  readonly issued: Set<string>;
  /** The refresh token the server accepts now. */
  currentRefreshToken: string;
  /** How long issued tokens last, in seconds. */
  expiresInS: number;
  /** The `token_type` of issued tokens. */
  tokenType: 'Bearer' | 'DPoP';
  /** The `scope` of token answers; absent by default, so the client keeps the scopes it asked for. */
  scope: string | undefined;
}

/** Opens fakes and closes them after each test. */
export function useFaults() {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    // A cleanup that fails must not keep the others from running.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  const track = <T>(value: T, close: () => Promise<unknown>): T => {
    cleanups.push(close);
    return value;
  };
  return {
    /** Runs `close` after the test. */
    defer: (close: () => Promise<unknown>) => void cleanups.push(close),
    async authorizationServer(): Promise<FakeAuthorizationServer> {
      const http = await startFakeHttpServer();
      track(http, () => http.close());
      return fakeAuthorizationServer(http);
    },
    /** A fake MCP server at `/mcp` that wants a token `accepts` approves, and names `authorizationServer` in its metadata. */
    async protectedMcpServer(authorizationServer: string, accepts: (authorization: string | undefined) => boolean): Promise<FakeMcpServer> {
      const mcp = await startFakeMcpServer();
      track(mcp, () => mcp.close());
      protect(mcp, authorizationServer, accepts);
      return mcp;
    },
    async mcpServer(): Promise<FakeMcpServer> {
      const mcp = await startFakeMcpServer();
      return track(mcp, () => mcp.close());
    },
    async plainServer(): Promise<FakeHttpServer> {
      const http = await startFakeHttpServer();
      return track(http, () => http.close());
    },
    /** A TCP server that accepts connections and never answers. */
    async silentServer(): Promise<{ origin: string; connections: () => number }> {
      const sockets = new Set<Socket>();
      let count = 0;
      const server: Server = createServer((socket) => {
        count++;
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      track(server, async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
      });
      return { origin: `http://127.0.0.1:${port}`, connections: () => count };
    },
  };
}

function fakeAuthorizationServer(http: FakeHttpServer): FakeAuthorizationServer {
  const answers = new Map<string, (request: RecordedRequest, response: ServerResponse) => void>();
  let counter = 0;
  const fake: FakeAuthorizationServer = {
    http,
    origin: http.origin,
    metadata: {
      issuer: http.origin,
      authorization_endpoint: `${http.origin}/authorize`,
      token_endpoint: `${http.origin}/token`,
      revocation_endpoint: `${http.origin}/revoke`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    },
    answer: (path, handler) => void answers.set(path, handler),
    tokenRequests: (grantType) =>
      http.requests
        .filter((r) => r.method === 'POST' && r.path.endsWith('/token'))
        .map((r) => new URLSearchParams(r.body))
        .filter((form) => grantType === undefined || form.get('grant_type') === grantType),
    issued: new Set(),
    currentRefreshToken: 'rt-0',
    expiresInS: 3600,
    tokenType: 'Bearer',
    scope: undefined,
  };
  const issue = (response: ServerResponse, withRefresh: boolean): void => {
    counter++;
    const accessToken = `at-${counter}`;
    fake.issued.add(`${fake.tokenType} ${accessToken}`);
    if (withRefresh) fake.currentRefreshToken = `rt-${counter}`;
    const scope = fake.scope === undefined ? {} : { scope: fake.scope };
    replyJson(
      response,
      {
        access_token: accessToken,
        token_type: fake.tokenType,
        expires_in: fake.expiresInS,
        ...scope,
        ...(withRefresh ? { refresh_token: fake.currentRefreshToken } : {}),
      },
      200,
      { 'cache-control': 'no-store' },
    );
  };
  http.handle((request, response) => {
    const path = request.path.split('?')[0] ?? '';
    const custom = answers.get(path);
    if (custom !== undefined) return custom(request, response);
    if (path === '/.well-known/oauth-authorization-server') return replyJson(response, fake.metadata);
    if (path === '/revoke') return void response.writeHead(200).end();
    if (!path.endsWith('/token')) return void response.writeHead(404).end();
    const form = new URLSearchParams(request.body);
    switch (form.get('grant_type')) {
      case 'client_credentials':
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
        return issue(response, false);
      case 'authorization_code':
        return issue(response, true);
      case 'refresh_token':
        if (form.get('refresh_token') !== fake.currentRefreshToken)
          return replyJson(response, { error: 'invalid_grant', error_description: 'the refresh token was used already or revoked' }, 400);
        return issue(response, true);
      default:
        return replyJson(response, { error: 'unsupported_grant_type' }, 400);
    }
  });
  return fake;
}

/** Serves RFC 9728 metadata naming `authorizationServer` and refuses requests `accepts` does not approve. */
export function protect(mcp: FakeMcpServer, authorizationServer: string, accepts: (authorization: string | undefined) => boolean): void {
  const metadataUrl = `${mcp.origin}/.well-known/oauth-protected-resource/mcp`;
  mcp.intercept((request, response) => {
    if (request.path === '/.well-known/oauth-protected-resource/mcp') {
      replyJson(response, { resource: mcp.url(), authorization_servers: [authorizationServer] });
      return true;
    }
    if (accepts(request.headers.authorization)) return false;
    response.writeHead(401, { 'www-authenticate': `Bearer error="invalid_token", resource_metadata="${metadataUrl}"` }).end();
    return true;
  });
}

/** A stored login for `serverUrl` at `issuer`, with the tokens given. */
export function storedLogin(
  serverUrl: string,
  issuer: string,
  tokens: { accessToken: string; refreshToken?: string; expiresAt?: number; scope?: string },
): StoredLogin {
  return {
    serverUrl,
    issuer,
    client: { clientId: 'mcpx-test', tokenEndpointAuthMethod: 'none' },
    tokens: { tokenType: 'Bearer', ...tokens },
    savedAt: Date.now(),
  };
}

/** A memory store holding `login` under the key the provider looks for `serverUrl`. */
export async function seededStore(serverUrl: string, login: StoredLogin): Promise<TokenStore> {
  const store = memoryTokenStore();
  await store.set(loginStoreKey(serverUrl), login);
  return store;
}

/** An error, or a failure of the test when `promise` resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with something that is not an Error: ${String(error)}`);
  }
  throw new Error('expected a rejection');
}

/** The messages of `error` and of its causes, to check that no secret leaks into any of them. */
export function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    parts.push(current.message, String(current.stack ?? ''));
  }
  return parts.join('\n');
}

/**
 * A user agent for the fake authorization server: for each authorization URL it is sent to,
 * it goes back to the redirect URI with a code (or `error=access_denied` when `deny`), at once,
 * or when `release()` is called while `hold` is set.
 */
export interface FakeBrowser {
  (authorizationUrl: URL, signal: AbortSignal): void;
  /** Every authorization URL it was sent to, in order. */
  readonly visits: URL[];
  /** The signal of each visit, in order. */
  readonly signals: AbortSignal[];
  /** Declines every login from now on. */
  deny: boolean;
  /** Waits for `release()` before going back to the redirect URI. */
  hold: boolean;
  /** Goes back to the redirect URI of every held visit. */
  release(): Promise<void>;
}

export function fakeBrowser(): FakeBrowser {
  let held: URL[] = [];
  const back = async (url: URL): Promise<void> => {
    const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
    redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
    if (browser.deny) redirect.searchParams.set('error', 'access_denied');
    else redirect.searchParams.set('code', `code-${browser.visits.indexOf(url)}`);
    // The listener may have stopped (the login was abandoned): a browser then shows an error page.
    await fetch(redirect).then(
      (response) => response.body?.cancel(),
      () => undefined,
    );
  };
  const browser = Object.assign(
    (url: URL, signal: AbortSignal): void => {
      browser.visits.push(url);
      browser.signals.push(signal);
      if (browser.hold) held.push(url);
      else void back(url); // the login waits for the redirect, not for this
    },
    {
      visits: [] as URL[],
      signals: [] as AbortSignal[],
      deny: false,
      hold: false,
      release: async () => {
        const urls = held;
        held = [];
        await Promise.all(urls.map(back));
      },
    },
  );
  return browser;
}

/** A 401 or 403 of `serverUrl` for `onUnauthorized()`, refusing the request that carried `sent`. */
export function refusal(
  serverUrl: string,
  status: 401 | 403,
  wwwAuthenticate: string,
  sent: Record<string, string>,
  signal: AbortSignal = new AbortController().signal,
): UnauthorizedContext {
  return { url: new URL(serverUrl), method: 'POST', status, wwwAuthenticate, attempt: 0, sent, header: () => undefined, signal };
}

/**
 * A provider without a login for a fake MCP server of a fake authorization server, the provider's
 * fake browser (made to hold or decline by `configure`), the server's URL and its 401 challenge.
 */
export async function awaitingLogin(
  fakes: ReturnType<typeof useFaults>,
  configure: (browser: FakeBrowser) => void,
): Promise<{ provider: OAuthProvider; browser: FakeBrowser; url: string; challenge: string }> {
  const as = await fakes.authorizationServer();
  const mcp = await fakes.protectedMcpServer(as.origin, () => false);
  const browser = fakeBrowser();
  configure(browser);
  const provider = new OAuthProvider({ userAgent: browser, clientId: 'mcpx-test' });
  return {
    provider,
    browser,
    url: mcp.url(),
    challenge: `Bearer resource_metadata="${mcp.origin}/.well-known/oauth-protected-resource/mcp"`,
  };
}
