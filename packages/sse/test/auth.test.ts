import { AUTH_RETRY_LIMIT, AuthError, bearerAuth, type AuthProvider, type UnauthorizedContext } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake, type FakeHandler } from './fake-server.js';
import { recorded, request } from './recording.js';

/** Refuses requests that do not carry `Bearer <token>`, then lets `handler` answer. */
function requireToken(token: string, handler: FakeHandler): FakeHandler {
  return (req, res, count) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="mcp", error="invalid_token"' }).end();
      return;
    }
    return handler(req, res, count);
  };
}

/** A provider whose token is refreshed when the server refuses it. */
function refreshingProvider(initial: string, refreshed: string, allow = true): AuthProvider & { refusals: UnauthorizedContext[] } {
  let token = initial;
  const refusals: UnauthorizedContext[] = [];
  return {
    refusals,
    headers: () => ({ authorization: `Bearer ${token}` }),
    onUnauthorized: (context) => {
      refusals.push(context);
      token = refreshed;
      return allow;
    },
  };
}

describe('authorization', () => {
  it('retries a GET refused with 401 once the provider has a fresh token, and uses it for POSTs', async () => {
    const server = await startFake({
      GET: requireToken('fresh', (_req, res) => openWithEndpoint(res, '/message')),
      POST: requireToken('fresh', accept),
    });
    const provider = refreshingProvider('stale', 'fresh');
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    await transport.start();
    await transport.send(request('ping'));
    expect(server.requestsOf('GET').map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(server.requestsOf('POST').map((r) => r.headers.authorization)).toEqual(['Bearer fresh']);
    expect(provider.refusals).toMatchObject([
      {
        url: new URL(server.url('/sse')),
        method: 'GET',
        status: 401,
        wwwAuthenticate: 'Bearer realm="mcp", error="invalid_token"',
        attempt: 0,
      },
    ]);
  });

  it('retries a POST refused with 403 once the provider says it fixed the problem', async () => {
    let allowed = false;
    const server = await startFake({
      GET: (_req, res) => openWithEndpoint(res, '/message'),
      POST: (req, res, count) => (allowed ? accept(req, res, count) : res.writeHead(403).end('insufficient scope')),
    });
    const provider: AuthProvider = {
      headers: () => ({}),
      onUnauthorized: (context) => {
        allowed = context.status === 403;
        return true;
      },
    };
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    await transport.start();
    await transport.send(request('ping'));
    expect(server.requestsOf('POST')).toHaveLength(2);
  });

  it('fails start() with an AuthError when the provider declines to retry', async () => {
    const server = await startFake({ GET: requireToken('fresh', (_req, res) => openWithEndpoint(res, '/message')) });
    const provider = refreshingProvider('stale', 'fresh', false);
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    const error: unknown = await transport.start().catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, url: server.url('/sse'), wwwAuthenticate: 'Bearer realm="mcp", error="invalid_token"' });
    expect(server.requestsOf('GET')).toHaveLength(1);
  });

  it('fails start() with an AuthError when every retry is refused as well, after AUTH_RETRY_LIMIT retries', async () => {
    const server = await startFake({ GET: requireToken('never', (_req, res) => openWithEndpoint(res, '/message')) });
    const provider = refreshingProvider('stale', 'still-wrong');
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    await expect(transport.start()).rejects.toSatisfy(AuthError.isInstance);
    expect(server.requestsOf('GET')).toHaveLength(AUTH_RETRY_LIMIT + 1);
  });

  it('rejects a send with an AuthError when a POST is refused and there is no provider', async () => {
    const server = await startFake({
      GET: (_req, res) => openWithEndpoint(res, '/message'),
      POST: (_req, res) => res.writeHead(401).end(),
    });
    const { transport } = recorded(server.url('/sse'));
    await transport.start();
    const error: unknown = await transport.send(request('ping')).catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, url: server.url('/message') });
  });

  it('sends a static bearer token and custom headers on the GET and every POST, through a user-supplied fetch', async () => {
    const server = await startFake({
      GET: requireToken('s3cret', (_req, res) => openWithEndpoint(res, '/message')),
      POST: requireToken('s3cret', accept),
    });
    const { transport } = recorded(server.url('/sse'), {
      authProvider: bearerAuth('s3cret'),
      headers: { 'X-Tenant': 'acme', Authorization: 'Basic overridden-by-the-provider' },
      fetch: globalThis.fetch,
    });
    await transport.start();
    await transport.send(request('ping', 1));
    await transport.send(request('ping', 2));
    for (const req of server.requests) {
      expect(req.headers.authorization).toBe('Bearer s3cret');
      expect(req.headers['x-tenant']).toBe('acme');
    }
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    expect(server.requestsOf('GET')[0]?.headers.accept).toBe('text/event-stream');
  });
});
