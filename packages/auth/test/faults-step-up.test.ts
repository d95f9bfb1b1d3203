import { until } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { loginStoreKey } from '../src/login.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import type { OAuthOptions } from '../src/options.js';
import type { TokenStore } from '../src/store/token-store.js';
import {
  fakeBrowser,
  refusal,
  seededStore,
  storedLogin,
  useFaults,
  type FakeAuthorizationServer,
  type FakeBrowser,
} from './faults-fakes.js';

const HOUR_MS = 3_600_000;

describe('a step-up to more scopes', () => {
  const fakes = useFaults();

  /** A provider logged in with `at-0` for `mcp:read` to a fake MCP server of a fake authorization server, and the 403 that server answers. */
  async function loggedIn(options: OAuthOptions = {}): Promise<{
    provider: OAuthProvider;
    browser: FakeBrowser;
    store: TokenStore;
    url: string;
    insufficient: (scope: string) => string;
    as: FakeAuthorizationServer;
  }> {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => true);
    const url = mcp.url();
    const store = await seededStore(
      url,
      storedLogin(url, as.origin, { accessToken: 'at-0', scope: 'mcp:read', expiresAt: Date.now() + HOUR_MS }),
    );
    const browser = fakeBrowser();
    const provider = new OAuthProvider({ store, userAgent: browser, clientId: 'mcpx-test', ...options });
    const metadata = `${mcp.origin}/.well-known/oauth-protected-resource/mcp`;
    return {
      provider,
      browser,
      store,
      url,
      as,
      insufficient: (scope) => `Bearer error="insufficient_scope", scope="${scope}", resource_metadata="${metadata}"`,
    };
  }

  it('is not started again by a 403 of a request sent with the token from before it', async () => {
    const { provider, browser, store, url, insufficient } = await loggedIn();
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-0' }))).toBe(true);
    expect(browser.visits).toHaveLength(1);
    expect((await store.get(loginStoreKey(url)))?.tokens?.accessToken).toBe('at-1');

    // Another request was on the wire with at-0 and its 403 arrives now: a retry with at-1 will do.
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-0' }))).toBe(true);
    expect(browser.visits).toHaveLength(1);
  });

  it('waits for the step-up that runs when another 403 comes, and starts none of its own', async () => {
    const { provider, browser, url, insufficient } = await loggedIn();
    browser.hold = true;
    const first = provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-0' }));
    await until(() => browser.visits.length === 1, 'the browser to be sent to log in');
    const second = provider.onUnauthorized(refusal(url, 403, insufficient('mcp:admin'), { authorization: 'Bearer at-0' }));
    await browser.release();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(browser.visits).toHaveLength(1);
  });

  it('is made again after maxStepUps step-ups that each got the scope they asked for', async () => {
    const { provider, browser, url, insufficient } = await loggedIn({ maxStepUps: 2 });
    for (const [i, scope] of ['mcp:write', 'mcp:admin', 'mcp:delete'].entries()) {
      expect(await provider.onUnauthorized(refusal(url, 403, insufficient(scope), { authorization: `Bearer at-${i}` }))).toBe(true);
    }
    expect(browser.visits).toHaveLength(3);
    expect(await provider.status(url)).toMatchObject({ scopes: ['mcp:read', 'mcp:write', 'mcp:admin', 'mcp:delete'] });
  });

  it('is given up after maxStepUps step-ups in a row that got no new scope', async () => {
    const { provider, browser, url, insufficient, as } = await loggedIn({ maxStepUps: 2 });
    as.scope = 'mcp:read'; // the authorization server never grants mcp:write
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-0' }))).toBe(true);
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-1' }))).toBe(true);
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-2' }))).toBe(false);
    expect(browser.visits).toHaveLength(2);
  });

  it('is not made for scopes the token holds already', async () => {
    const { provider, browser, url, insufficient } = await loggedIn();
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:read'), { authorization: 'Bearer at-0' }))).toBe(false);
    expect(browser.visits).toHaveLength(0);
  });

  it('asks for the scope the 403 names when scopes are configured', async () => {
    const { provider, browser, url, insufficient } = await loggedIn({ scopes: ['mcp:read'] });
    expect(await provider.onUnauthorized(refusal(url, 403, insufficient('mcp:write'), { authorization: 'Bearer at-0' }))).toBe(true);
    expect(browser.visits[0]?.searchParams.get('scope')?.split(' ')).toEqual(['mcp:read', 'mcp:write']);
  });
});
