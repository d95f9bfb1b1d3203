import { McpClient } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { SseTransport } from '@mcpx/sse';
import { freePort, openSse, replyJson, sseEvent } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { loginStoreKey } from '../src/login.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import type { TokenStore } from '../src/store/token-store.js';
import { refusal, seededStore, storedLogin, useFaults } from './faults-fakes.js';

const HOUR_MS = 3_600_000;

/** The method and URL a DPoP proof (a JWT) signs. */
function proofOf(proof: string | string[] | undefined): { htm: unknown; htu: unknown } {
  const payload = JSON.parse(Buffer.from(String(proof).split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { htm: payload.htm, htu: payload.htu };
}

describe('a token endpoint that rotates refresh tokens', () => {
  const fakes = useFaults();

  it('stores each new refresh token and uses it for the next refresh, also after a restart', async () => {
    const as = await fakes.authorizationServer();
    as.expiresInS = 10; // inside the expiry margin: every use refreshes
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 }),
    );
    const context = { url: new URL(serverUrl), method: 'POST' };

    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect((await store.get(loginStoreKey(context.url)))?.tokens?.refreshToken).toBe('rt-1');
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-2' });

    const restarted = new OAuthProvider({ store, interactive: false });
    expect(await restarted.headers(context)).toEqual({ authorization: 'Bearer at-3' });
    expect(as.tokenRequests('refresh_token').map((form) => form.get('refresh_token'))).toEqual(['rt-0', 'rt-1', 'rt-2']);
    expect((await store.get(loginStoreKey(context.url)))?.tokens?.refreshToken).toBe('rt-3');
  });

  it('keeps the old refresh token when the answer carries no new one', async () => {
    const as = await fakes.authorizationServer();
    as.answer(
      '/token',
      (_, response) =>
        void response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'at-new', token_type: 'Bearer', expires_in: 3600 })),
    );
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: 'Bearer at-new' });
    expect((await store.get(loginStoreKey(serverUrl)))?.tokens?.refreshToken).toBe('rt-0');
  });
});

describe('a refresh token the authorization server refuses', () => {
  const fakes = useFaults();
  const serverUrl = 'http://127.0.0.1:9/mcp';
  const context = { url: new URL(serverUrl), method: 'POST' };

  it('is dropped, so that the next requests do not try it again, and the access token is kept', async () => {
    const as = await fakes.authorizationServer();
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-revoked', expiresAt: Date.now() - 1000 }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-0' });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-0' });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-0' });

    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
    const tokens = (await store.get(loginStoreKey(serverUrl)))?.tokens;
    expect(tokens).toMatchObject({ accessToken: 'at-0' });
    expect(tokens).not.toHaveProperty('refreshToken');
    expect(await provider.status(serverUrl)).toMatchObject({ refreshable: false });
  });
});

describe('a token endpoint that fails during a refresh before a request', () => {
  const fakes = useFaults();
  const serverUrl = 'http://127.0.0.1:9/mcp';
  const expired = { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 };

  it('sends the request with the old token and keeps the stored login when the endpoint is down', async () => {
    const as = await fakes.authorizationServer();
    as.metadata.token_endpoint = `http://127.0.0.1:${await freePort()}/token`;
    const store = await seededStore(serverUrl, storedLogin(serverUrl, as.origin, expired));
    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: 'Bearer at-0' });
    expect((await store.get(loginStoreKey(serverUrl)))?.tokens).toMatchObject({ accessToken: 'at-0', refreshToken: 'rt-0' });
  });

  it('gives up on an endpoint that never answers after requestTimeoutMs and sends the request with the old token', async () => {
    const as = await fakes.authorizationServer();
    const silent = await fakes.silentServer();
    as.metadata.token_endpoint = `${silent.origin}/token`;
    const store = await seededStore(serverUrl, storedLogin(serverUrl, as.origin, expired));
    const provider = new OAuthProvider({ store, interactive: false, requestTimeoutMs: 1000 });
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: 'Bearer at-0' });
    expect(silent.connections()).toBe(1);
    expect((await store.get(loginStoreKey(serverUrl)))?.tokens?.refreshToken).toBe('rt-0');
  });
});

describe('many requests refused at once', () => {
  const fakes = useFaults();

  it('sends exactly one refresh for 20 concurrent tool calls that all get 401', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, (authorization) => authorization !== undefined && as.issued.has(authorization));
    as.issued.add('Bearer at-0');
    const store = await seededStore(
      mcp.url(),
      storedLogin(mcp.url(), as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() + HOUR_MS }),
    );
    const client = new McpClient({ server: 'faults', era: 'legacy' });
    fakes.defer(() => client.close());
    await client.connect(new StreamableHttpTransport(mcp.url(), { authProvider: new OAuthProvider({ store, interactive: false }) }));

    as.issued.delete('Bearer at-0'); // the server now holds the token expired
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.callTool('echo', { i })));

    expect(results.map((r) => r.content)).toEqual(Array.from({ length: 20 }, (_, i) => [{ type: 'text', text: JSON.stringify({ i }) }]));
    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
    const calls = mcp.posts('tools/call').map((r) => r.headers.authorization);
    expect(calls.filter((a) => a === 'Bearer at-0')).toHaveLength(20);
    expect(calls.filter((a) => a === 'Bearer at-1')).toHaveLength(20);
  });

  it('sends exactly one refresh for 20 concurrent headers() calls with an expired token', async () => {
    const as = await fakes.authorizationServer();
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    const headers = await Promise.all(
      Array.from({ length: 20 }, async () => provider.headers({ url: new URL(serverUrl), method: 'POST' })),
    );
    expect(new Set(headers.map((h) => h.authorization))).toEqual(new Set(['Bearer at-1']));
    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('retries a refusal of the token before the refresh without refreshing again', async () => {
    const as = await fakes.authorizationServer();
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() + HOUR_MS }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    const stale = (sent: Record<string, string>) => refusal(serverUrl, 401, 'Bearer error="invalid_token"', sent);
    expect(await provider.onUnauthorized(stale({ authorization: 'Bearer at-0' }))).toBe(true);
    expect(await provider.onUnauthorized(stale({ authorization: 'Bearer at-0' }))).toBe(true);
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: 'Bearer at-1' });
    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
  });
});

describe('a redirect to another origin', () => {
  const fakes = useFaults();

  it('does not carry the access token or the DPoP proof', async () => {
    const as = await fakes.authorizationServer();
    as.tokenType = 'DPoP';
    const elsewhere = await fakes.mcpServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const metadata = `${mcp.origin}/.well-known/oauth-protected-resource/mcp`;
    mcp.intercept((request, response) => {
      if (request.path === '/.well-known/oauth-protected-resource/mcp') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ resource: mcp.url(), authorization_servers: [as.origin] }));
      } else if (
        request.headers.authorization !== undefined &&
        as.issued.has(request.headers.authorization) &&
        request.headers.dpop !== undefined
      ) {
        response.writeHead(307, { location: elsewhere.url() }).end();
      } else {
        response.writeHead(401, { 'www-authenticate': `DPoP resource_metadata="${metadata}"` }).end();
      }
      return true;
    });
    const provider = new OAuthProvider({
      grant: { type: 'client_credentials' },
      clientId: 'machine',
      clientSecret: 'machine-secret',
      dpop: true,
    });
    const client = new McpClient({ server: 'faults', era: 'legacy' });
    fakes.defer(() => client.close());
    await client.connect(new StreamableHttpTransport(mcp.url(), { authProvider: provider }));

    expect(mcp.posts('initialize').map((r) => r.headers.authorization)).toEqual([undefined, 'DPoP at-1']);
    expect(elsewhere.posts('initialize')).toHaveLength(1);
    for (const request of elsewhere.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.dpop).toBeUndefined();
    }
  });

  it('over HTTP+SSE does not carry the access token or the DPoP proof either, and each proof names its own request', async () => {
    const as = await fakes.authorizationServer();
    as.tokenType = 'DPoP';
    const elsewhere = await fakes.plainServer();
    elsewhere.handle((_, response) => void response.writeHead(202).end('Accepted'));
    const sse = await fakes.plainServer();
    const metadata = `${sse.origin}/.well-known/oauth-protected-resource/sse`;
    sse.handle((request, response) => {
      if (request.path === '/.well-known/oauth-protected-resource/sse')
        return replyJson(response, { resource: sse.url('/sse'), authorization_servers: [as.origin] });
      const authorization = request.headers.authorization;
      if (authorization === undefined || !as.issued.has(authorization) || request.headers.dpop === undefined) {
        return void response.writeHead(401, { 'www-authenticate': `DPoP resource_metadata="${metadata}"` }).end();
      }
      if (request.method === 'POST') return void response.writeHead(307, { location: elsewhere.url('/moved') }).end();
      openSse(response);
      response.write(sseEvent({ event: 'endpoint', data: '/message?sessionId=s1' }));
    });
    const transport = new SseTransport(sse.url('/sse'), {
      authProvider: new OAuthProvider({
        grant: { type: 'client_credentials' },
        clientId: 'machine',
        clientSecret: 'machine-secret',
        dpop: true,
      }),
    });
    fakes.defer(() => transport.close());
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'ping' });

    const authorized = sse.requests.filter(
      (request) => request.headers.dpop !== undefined && as.issued.has(request.headers.authorization ?? ''),
    );
    expect(authorized.map((request) => [request.method, proofOf(request.headers.dpop)])).toEqual([
      ['GET', { htm: 'GET', htu: sse.url('/sse') }],
      ['POST', { htm: 'POST', htu: sse.url('/message') }],
    ]);
    expect(elsewhere.requests.map((request) => [request.method, request.path, request.json])).toEqual([
      ['POST', '/moved', { jsonrpc: '2.0', id: 1, method: 'ping' }],
    ]);
    for (const request of elsewhere.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.dpop).toBeUndefined();
    }
  });

  it('gets no headers from the provider', async () => {
    const as = await fakes.authorizationServer();
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(serverUrl, storedLogin(serverUrl, as.origin, { accessToken: 'at-0', expiresAt: Date.now() + HOUR_MS }));
    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: 'Bearer at-0' });
    expect(await provider.headers({ url: new URL('http://127.0.0.1:10/mcp'), method: 'POST' })).toEqual({});
    expect(await provider.headers({ url: new URL('https://127.0.0.1:9/mcp'), method: 'POST' })).toEqual({});
  });
});

describe('two processes sharing a token store', () => {
  const fakes = useFaults();
  const serverUrl = 'http://127.0.0.1:9/mcp';
  const context = { url: new URL(serverUrl), method: 'POST' };

  it('take the tokens the other one refreshed instead of refreshing with the spent refresh token', async () => {
    const as = await fakes.authorizationServer();
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 }),
    );
    const cli = new OAuthProvider({ store, interactive: false });
    const registry = new OAuthProvider({ store, interactive: false });
    await cli.status(serverUrl);
    await registry.status(serverUrl); // both loaded the expired login

    expect(await cli.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(await registry.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(as.tokenRequests('refresh_token').map((form) => form.get('refresh_token'))).toEqual(['rt-0']);
  });

  it('take the tokens the other one saved when their own refresh lost the race with invalid_grant', async () => {
    const as = await fakes.authorizationServer();
    const shared = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 }),
    );
    const before = await shared.get(loginStoreKey(serverUrl));
    // The registry reads the store just before the CLI saves its refresh, so it refreshes with rt-0 too.
    let readsBeforeTheSave = 2;
    const registryView: TokenStore = {
      ...shared,
      get: (key) => (readsBeforeTheSave-- > 0 ? Promise.resolve(structuredClone(before)) : shared.get(key)),
    };
    const cli = new OAuthProvider({ store: shared, interactive: false });
    const registry = new OAuthProvider({ store: registryView, interactive: false });
    await registry.status(serverUrl);

    expect(await cli.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(await registry.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(as.tokenRequests('refresh_token').map((form) => form.get('refresh_token'))).toEqual(['rt-0', 'rt-0']);
    expect((await shared.get(loginStoreKey(serverUrl)))?.tokens).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
  });
});
