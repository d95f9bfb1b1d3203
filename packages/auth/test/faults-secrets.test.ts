import { inspect } from 'node:util';
import { freePort, replyJson } from '@mcpx/test-utils';
import { AuthError, LoginRequiredError, McpClient } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { describe, expect, it } from 'vitest';
import { OAuthError } from '../src/oauth-error.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import { messagesOf, refusal, rejectionOf, seededStore, storedLogin, useFaults } from './faults-fakes.js';

const ACCESS = 'at-7d1e4b9c-secret';
const REFRESH = 'rt-51aa03f2-secret';
const HOUR_MS = 3_600_000;

/** Checks that none of the token strings is in the messages or stacks of `error` and its causes. */
function expectNoTokens(error: Error, tokens: readonly string[] = [ACCESS, REFRESH]): void {
  const text = messagesOf(error);
  for (const token of tokens) expect(text, `${error.name} leaked a token`).not.toContain(token);
}

describe('error messages', () => {
  const fakes = useFaults();

  it('leave the tokens out when a refused refresh ends in LoginRequiredError', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const store = await seededStore(
      mcp.url(),
      storedLogin(mcp.url(), as.origin, { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: Date.now() + HOUR_MS }),
    );
    const client = new McpClient({ server: 'faults', era: 'legacy' });
    fakes.defer(() => client.close());
    const error = await rejectionOf(
      client.connect(new StreamableHttpTransport(mcp.url(), { authProvider: new OAuthProvider({ store, interactive: false }) })),
    );
    expect(LoginRequiredError.isInstance(error), messagesOf(error)).toBe(true);
    expect(as.tokenRequests('refresh_token').map((form) => form.get('refresh_token'))).toEqual([REFRESH]);
    expectNoTokens(error);
  });

  it('leave the tokens out when the server refuses every fresh token (AuthError)', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const provider = new OAuthProvider({ grant: { type: 'client_credentials' }, clientId: 'machine', clientSecret: 'machine-secret' });
    const client = new McpClient({ server: 'faults', era: 'legacy' });
    fakes.defer(() => client.close());
    const error = await rejectionOf(client.connect(new StreamableHttpTransport(mcp.url(), { authProvider: provider })));
    expect(AuthError.isInstance(error), messagesOf(error)).toBe(true);
    expect(as.issued.size).toBeGreaterThan(0);
    expectNoTokens(error, [...as.issued].map((header) => header.split(' ')[1] ?? header).concat('machine-secret'));
  });

  it('leave the tokens out when revocation fails on logout', async () => {
    const as = await fakes.authorizationServer();
    as.answer('/revoke', (_, response) => void response.writeHead(500, { 'content-type': 'text/plain' }).end('revocation is broken'));
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: Date.now() + HOUR_MS }),
    );
    const error = await rejectionOf(new OAuthProvider({ store, interactive: false }).logout(serverUrl));
    expect(OAuthError.isInstance(error) && error.step).toBe('revocation');
    expectNoTokens(error);
    expect(await store.list()).toEqual([]);
  });

  it('leave the tokens out when the revocation endpoint is down', async () => {
    const as = await fakes.authorizationServer();
    as.metadata.revocation_endpoint = `http://127.0.0.1:${await freePort()}/revoke`;
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(serverUrl, storedLogin(serverUrl, as.origin, { accessToken: ACCESS, refreshToken: REFRESH }));
    const error = await rejectionOf(new OAuthProvider({ store, interactive: false }).logout(serverUrl));
    expect(OAuthError.isInstance(error) && error.message).toContain(`could not reach ${String(as.metadata.revocation_endpoint)}`);
    expectNoTokens(error);
  });

  it('leave the refresh token out when the token endpoint refuses it', async () => {
    const as = await fakes.authorizationServer();
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: Date.now() - 1000 }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    // A refresh refused before a request: the request goes with the old token.
    expect(await provider.headers({ url: new URL(serverUrl), method: 'POST' })).toEqual({ authorization: `Bearer ${ACCESS}` });
    const error = await rejectionOf(
      provider.onUnauthorized(refusal(serverUrl, 401, 'Bearer error="invalid_token"', { authorization: `Bearer ${ACCESS}` })),
    );
    expect(LoginRequiredError.isInstance(error)).toBe(true);
    expectNoTokens(error);
  });

  it('leave the tokens out when a refresh is answered without an access_token', async () => {
    const as = await fakes.authorizationServer();
    as.answer(
      '/token',
      (_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{"token_type":"bearer"}'),
    );
    const serverUrl = 'http://127.0.0.1:9/mcp';
    const store = await seededStore(
      serverUrl,
      storedLogin(serverUrl, as.origin, { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: Date.now() + HOUR_MS }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    const error = await rejectionOf(
      provider.onUnauthorized(refusal(serverUrl, 401, 'Bearer error="invalid_token"', { authorization: `Bearer ${ACCESS}` })),
    );
    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
    expect(LoginRequiredError.isInstance(error), messagesOf(error)).toBe(true);
    expectNoTokens(error);
  });

  it.each([
    ['an unsupported token_type', { token_type: 'mac' }, 'does not support: unsupported `token_type` value'],
    ['a scope that is not a string', { token_type: 'Bearer', scope: 42 }, 'cannot use: "response" body "scope" property must be a string'],
  ])('leave the tokens out of the whole cause chain when a token answer has %s', async (_, fields, says) => {
    const as = await fakes.authorizationServer();
    as.answer('/token', (_, response) =>
      replyJson(response, { access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600, ...fields }),
    );
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const provider = new OAuthProvider({ grant: { type: 'client_credentials' }, clientId: 'machine', clientSecret: 'machine-secret' });
    const error = await rejectionOf(provider.login(mcp.url()));
    expect(OAuthError.isInstance(error) && error.step).toBe('token request');
    expect(error.message).toContain(`${as.origin}/token answered something mcpx ${says}`);
    const everything = inspect(error, { depth: Infinity, showHidden: true });
    expect(everything).not.toContain(ACCESS);
    expect(everything).not.toContain(REFRESH);
  });
});
