import { AUTH_RETRY_LIMIT, AuthError, ConnectionClosedError, TransportError, bearerAuth, type AuthProvider } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { rejection, until, useFakeServers, useTransports } from './helpers.js';

const open = useTransports();
const fakeServer = useFakeServers();

describe('opening the connection', () => {
  it('asks for the mcp subprotocol and sends the headers and the auth provider headers', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url, {
      headers: { 'X-Client': 'tests', Authorization: 'overridden' },
      authProvider: bearerAuth('t0k3n'),
    });
    await transport.start();
    expect(server.upgrades).toHaveLength(1);
    expect(server.upgrades[0]?.headers).toMatchObject({
      'sec-websocket-protocol': 'mcp',
      'x-client': 'tests',
      authorization: 'Bearer t0k3n',
    });
  });

  it('asks the auth provider for headers with the URL of the server', async () => {
    const server = await fakeServer();
    const urls: string[] = [];
    const { transport } = open(server.url, { authProvider: { headers: ({ url }) => (urls.push(url.href), {}) } });
    await transport.start();
    expect(urls).toEqual([server.url]);
  });

  it('rejects with a TransportError when start() is called twice', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url);
    await transport.start();
    const error = await rejection(transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.message).toContain('start() was already called');
  });
});

describe('a server that refuses the mcp subprotocol', () => {
  it.each([
    ['answers with no subprotocol', false as const, 'no subprotocol'],
    ['answers with another subprotocol', 'graphql-ws', 'the subprotocol "graphql-ws"'],
  ])('fails start() with a TransportError when it %s', async (_, protocol, said) => {
    const server = await fakeServer({ protocol });
    const { transport, closeCalls } = open(server.url, { name: 'gw' });
    const error = await rejection(transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, target: server.url, server: 'gw' });
    expect(error.message).toContain(`did not accept the WebSocket subprotocol "mcp" (it answered with ${said})`);
    expect(closeCalls).toEqual([]);
  });
});

describe('a server that answers the upgrade with another status than 101', () => {
  it('fails with a TransportError holding the status and the start of the body', async () => {
    const server = await fakeServer({ upgrade: () => ({ status: 404, body: 'no MCP endpoint here' }) });
    const { transport } = open(server.url);
    const error = await rejection(transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, isRetryable: false, target: server.url });
    expect(error.message).toContain(
      'answered the WebSocket upgrade with HTTP 404 instead of 101 Switching Protocols: no MCP endpoint here; check the path',
    );
  });

  it('marks a 503 as retryable', async () => {
    const server = await fakeServer({ upgrade: () => ({ status: 503 }) });
    const error = await rejection(open(server.url).transport.start());
    expect(error).toMatchObject({ status: 503, isRetryable: true });
  });

  it('names the target of a redirect, which it does not follow', async () => {
    const server = await fakeServer({ upgrade: () => ({ status: 301, headers: { location: 'ws://127.0.0.1:1/elsewhere' } }) });
    const error = await rejection(open(server.url).transport.start());
    expect(error).toMatchObject({ status: 301 });
    expect(error.message).toContain('a redirect to ws://127.0.0.1:1/elsewhere');
    expect(server.upgrades).toHaveLength(1);
  });
});

describe('a server that refuses the credentials', () => {
  const refuseUnless = (token: string) => (request: { headers: Record<string, unknown> }) =>
    request.headers.authorization === `Bearer ${token}`
      ? undefined
      : { status: 401, headers: { 'www-authenticate': 'Bearer realm="mcp"' } };

  it('fails with an AuthError when there is no auth provider', async () => {
    const server = await fakeServer({ upgrade: refuseUnless('good') });
    const error = await rejection(open(server.url).transport.start());
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, url: server.url, wwwAuthenticate: 'Bearer realm="mcp"' });
  });

  it('retries once with fresh headers when onUnauthorized says so', async () => {
    const server = await fakeServer({ upgrade: refuseUnless('fresh') });
    let token = 'stale';
    const seen: unknown[] = [];
    const provider: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: (context) => {
        seen.push({
          status: context.status,
          url: context.url.href,
          method: context.method,
          wwwAuthenticate: context.wwwAuthenticate,
          attempt: context.attempt,
          sent: context.sent,
        });
        token = 'fresh';
        return true;
      },
    };
    const { transport } = open(server.url, { authProvider: provider });
    await transport.start();
    expect(seen).toEqual([
      {
        status: 401,
        url: server.url,
        method: 'GET',
        wwwAuthenticate: 'Bearer realm="mcp"',
        attempt: 0,
        sent: { authorization: 'Bearer stale' },
      },
    ]);
    expect(server.upgrades.map((upgrade) => upgrade.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    await server.connection();
  });

  it('gives up with an AuthError after AUTH_RETRY_LIMIT retries', async () => {
    const server = await fakeServer({ upgrade: () => ({ status: 403 }) });
    let calls = 0;
    const { transport } = open(server.url, { authProvider: { headers: () => ({}), onUnauthorized: () => (calls++, true) } });
    const error = await rejection(transport.start());
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403 });
    expect(calls).toBe(AUTH_RETRY_LIMIT);
    expect(server.upgrades).toHaveLength(AUTH_RETRY_LIMIT + 1);
  });

  it('does not retry when onUnauthorized says no', async () => {
    const server = await fakeServer({ upgrade: () => ({ status: 401 }) });
    const { transport } = open(server.url, { authProvider: { headers: () => ({}), onUnauthorized: () => false } });
    expect(AuthError.isInstance(await rejection(transport.start()))).toBe(true);
    expect(server.upgrades).toHaveLength(1);
  });

  it('wraps a failure of the auth provider in a TransportError', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url, {
      authProvider: {
        headers: () => {
          throw new Error('keychain locked');
        },
      },
    });
    const error = await rejection(transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.message).toContain('the auth provider failed for');
    expect(error.message).toContain('keychain locked');
    expect(server.upgrades).toEqual([]);
  });
});

describe('a server that cannot be reached or does not answer', () => {
  it('fails with a retryable TransportError when nothing listens on the port', async () => {
    const server = await fakeServer();
    const url = server.url;
    await server.close();
    const error = await rejection(open(url).transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, target: url });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('fails with a retryable TransportError when the handshake does not finish in handshakeTimeoutMs', async () => {
    const server = await fakeServer({ upgrade: () => 'hang' });
    const error = await rejection(open(server.url, { handshakeTimeoutMs: 200 }).transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
    expect(error.message).toContain('did not finish within 200 ms');
  });

  it('gives up waiting for the auth provider when close() is called during start()', async () => {
    const server = await fakeServer();
    let asked = false;
    const { transport } = open(server.url, {
      authProvider: {
        headers: () => {
          asked = true;
          return new Promise<Record<string, string>>(() => undefined);
        },
      },
    });
    const starting = rejection(transport.start());
    await until(() => asked, 'the auth provider to be asked');
    await transport.close();
    expect(ConnectionClosedError.isInstance(await starting)).toBe(true);
    expect(server.upgrades).toEqual([]);
  });

  it('fails with a TransportError when the auth provider gives a header ws cannot send', async () => {
    const server = await fakeServer();
    const { transport } = open(server.url, { authProvider: { headers: () => ({ authorization: 'Bearer a\nb' }) } });
    const error = await rejection(transport.start());
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.message).toContain('could not start the WebSocket handshake');
    expect(server.upgrades).toEqual([]);
  });

  it('gives up the handshake when close() is called during start()', async () => {
    const server = await fakeServer({ upgrade: () => 'hang' });
    const { transport, closeCalls } = open(server.url);
    const starting = rejection(transport.start());
    await until(() => server.upgrades.length > 0, 'the upgrade request');
    await transport.close();
    const error = await starting;
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('was closed before the connection opened');
    expect(closeCalls).toEqual([]);
  });
});
