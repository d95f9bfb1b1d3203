import { AsyncLocalStorage } from 'node:async_hooks';
import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { memoryTokenStore, OAuthProvider, type RefreshEvent, type StoredTokens, type TokenStore } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

/** The tokens of the only login in `store`. */
async function storedTokens(store: TokenStore): Promise<StoredTokens> {
  const logins = await store.list();
  expect(logins).toHaveLength(1);
  const tokens = logins[0]?.login.tokens;
  if (tokens === undefined) throw new Error('the stored login has no tokens');
  return tokens;
}

describe('an access token that expires within seconds', () => {
  // Shorter than the 30 s margin within which mcpx refreshes a token before using it.
  const oidc = useOidc({ as: { accessTokenTtlMs: 10_000 } });

  it('is refreshed before a request, and the rotated refresh token replaces the old one', async () => {
    const store = memoryTokenStore();
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, store }));
    const before = await storedTokens(store);
    const refreshesBefore = oidc.as.tokenRequests('refresh_token');

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    const after = await storedTokens(store);
    expect(oidc.as.tokenRequests('refresh_token')).toBeGreaterThan(refreshesBefore);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await oidc.as.introspect(before.refreshToken ?? '')).toMatchObject({ active: false });
    expect(await oidc.as.introspect(after.refreshToken ?? '')).toMatchObject({ active: true });
    expect(robot.visits).toHaveLength(1);
  });
});

describe('an access token the authorization server ended early', () => {
  const oidc = useOidc();

  it('tells onRefresh of the refresh, in the async context of the request that needed it', async () => {
    const store = memoryTokenStore();
    const request = new AsyncLocalStorage<string>();
    const told: Array<{ event: RefreshEvent; during: string | undefined }> = [];
    const onRefresh = (event: RefreshEvent): void => void told.push({ event, during: request.getStore() });
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), store, onRefresh }));
    await oidc.as.expireAccessToken((await storedTokens(store)).accessToken);

    // OpenTelemetry's active span rides on the same async context: a listener sees the request's span.
    await request.run('whoami call', () => client.callTool('whoami'));

    expect(told).toHaveLength(1);
    expect(told[0]?.during).toBe('whoami call');
    expect(told[0]?.event).toMatchObject({ serverUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) as unknown, error: undefined });
    expect(told[0]?.event.durationMs).toBeGreaterThan(0);
  });

  it('is refreshed when the server refuses it, and the request goes through', async () => {
    const store = memoryTokenStore();
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, store }));
    const before = await storedTokens(store);
    await oidc.as.expireAccessToken(before.accessToken);
    const requestsBefore = oidc.mcp.requests.length;

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    const calls = oidc.mcp.requests.slice(requestsBefore).filter((request) => request.rpcMethod === 'tools/call');
    expect(calls.map((request) => request.error ?? request.status)).toEqual(['invalid_token', 200]);
    const after = await storedTokens(store);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(robot.visits).toHaveLength(1);
  });

  it('is refreshed once however many requests the server refuses at the same time', async () => {
    const store = memoryTokenStore();
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, store }));
    const before = await storedTokens(store);
    await oidc.as.expireAccessToken(before.accessToken);
    const refreshesBefore = oidc.as.tokenRequests('refresh_token');

    const answers = await Promise.all(Array.from({ length: 20 }, () => client.callTool('whoami')));

    expect(answers.map((answer) => text(answer))).toEqual(Array.from({ length: 20 }, () => expect.stringMatching(/^alice via /)));
    // A second refresh with the rotated-out token would make oidc-provider revoke the whole grant.
    expect(oidc.as.tokenRequests('refresh_token') - refreshesBefore).toBe(1);
    expect(await oidc.as.introspect((await storedTokens(store)).refreshToken ?? '')).toMatchObject({ active: true });
    expect(robot.visits).toHaveLength(1);
  });

  it('whose refresh token was revoked too sends the user to log in again', async () => {
    const store = memoryTokenStore();
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, store }));
    const before = await storedTokens(store);
    await oidc.as.expireAccessToken(before.accessToken);
    expect(await oidc.as.introspect(before.refreshToken ?? '')).toMatchObject({ active: true });
    await oidc.as.revokeRefreshToken(before.refreshToken ?? '');

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    expect(robot.visits).toHaveLength(2);
  });
});
