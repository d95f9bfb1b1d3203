import { AUTH_RETRY_LIMIT, AuthError, bearerAuth, type AuthProvider, type UnauthorizedContext } from '@mcpx/core';
import type { FakeMcpServer } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { useFakes } from './helpers.js';

/** Refuses every request without `Authorization: Bearer <token>`, with `status`. */
function requireToken(server: FakeMcpServer, token: string, status = 401): void {
  server.intercept((request, response) => {
    if (request.headers.authorization === `Bearer ${token}`) return false;
    response.writeHead(status, { 'www-authenticate': 'Bearer realm="fake", error="invalid_token"' }).end();
    return true;
  });
}

/** A provider whose token is refreshed by `onUnauthorized`. */
function refreshing(tokens: string[], answer = true): AuthProvider & { calls: UnauthorizedContext[] } {
  const calls: UnauthorizedContext[] = [];
  return {
    calls,
    headers: () => ({ authorization: `Bearer ${tokens[Math.min(calls.length, tokens.length - 1)]}` }),
    onUnauthorized: (context) => {
      calls.push(context);
      return answer;
    },
  };
}

describe('authorization', () => {
  const fakes = useFakes();

  it('a static bearer token in headers works', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'static');
    const { client } = await fakes.client(server.url(), { headers: { Authorization: 'Bearer static' } });
    await client.ping();
  });

  it('401 asks the auth provider, then retries once with its new token', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'fresh');
    const provider = refreshing(['stale', 'fresh']);
    const { client } = await fakes.client(server.url(), { authProvider: provider });
    await client.ping();
    expect(provider.calls).toMatchObject([
      {
        url: new URL(server.url()),
        method: 'POST',
        status: 401,
        wwwAuthenticate: 'Bearer realm="fake", error="invalid_token"',
        attempt: 0,
      },
    ]);
    expect(provider.calls[0]?.header('WWW-Authenticate')).toBe('Bearer realm="fake", error="invalid_token"');
    expect(provider.calls[0]?.sent).toEqual({ authorization: 'Bearer stale' });
    expect(server.posts('initialize').map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(server.posts('ping').map((r) => r.headers.authorization)).toEqual(['Bearer fresh']);
  });

  it('403 goes to the provider too, and is an AuthError when it cannot help', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'admin', 403);
    const provider = refreshing(['reader'], false);
    const error = await fakes.client(server.url(), { authProvider: provider }).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, url: server.url(), wwwAuthenticate: 'Bearer realm="fake", error="invalid_token"' });
    expect(provider.calls).toHaveLength(1);
  });

  it('is retried at most AUTH_RETRY_LIMIT times, even when the provider keeps saying yes', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'never');
    const provider = refreshing(['a', 'b', 'c']);
    await expect(fakes.client(server.url(), { authProvider: provider })).rejects.toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect(provider.calls.map((call) => call.attempt)).toEqual([0, 1, 2]);
    expect(server.posts('initialize')).toHaveLength(AUTH_RETRY_LIMIT + 1);
  });

  it('a provider whose headers() throws fails the request, saying so', async () => {
    const server = await fakes.mcpServer();
    const provider: AuthProvider = {
      headers: () => {
        throw new Error('keychain locked');
      },
    };
    await expect(fakes.client(server.url(), { authProvider: provider })).rejects.toThrow(
      `the auth provider's headers() failed for POST ${server.url()}: keychain locked`,
    );
    expect(server.posts()).toHaveLength(0);
  });

  it('a provider whose headers() rejects fails the request, saying so', async () => {
    const server = await fakes.mcpServer();
    const provider: AuthProvider = { headers: () => Promise.reject(new Error('vault unreachable')) };
    await expect(fakes.client(server.url(), { authProvider: provider })).rejects.toThrow(
      `the auth provider's headers() failed for POST ${server.url()}: vault unreachable`,
    );
  });

  it('a provider that answers the same frozen record sends it on every request', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'frozen');
    const answer = Object.freeze({ Authorization: 'Bearer frozen' });
    const { client } = await fakes.client(server.url(), { authProvider: { headers: () => answer } });
    await client.ping();
    await client.ping();
    expect(server.posts('ping').map((r) => r.headers.authorization)).toEqual(['Bearer frozen', 'Bearer frozen']);
    expect(server.posts().every((r) => r.headers.authorization === 'Bearer frozen')).toBe(true);
  });

  it('401 without a provider is an AuthError naming the URL', async () => {
    const server = await fakes.mcpServer();
    requireToken(server, 'secret');
    await expect(fakes.client(server.url(), { authProvider: bearerAuth('wrong') })).rejects.toThrow(
      `${server.url()} answered 401 (not authenticated)`,
    );
  });
});
