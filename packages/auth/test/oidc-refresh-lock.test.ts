import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { TokenStoreError, type LocalError } from '@mcpx/core';
import { loginStoreKey, memoryTokenStore, OAuthProvider, type FetchLike, type StoredLogin, type TokenStore } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

/** A fetch whose refresh requests are slow (which widens any race between refreshes) and counted. */
function slowRefreshes(): { fetch: FetchLike; refreshes: () => number } {
  let refreshes = 0;
  return {
    fetch: async (input, init) => {
      // oauth4webapi sends the token request's form as URLSearchParams.
      if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token') {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return fetch(input, init);
    },
    refreshes: () => refreshes,
  };
}

/** A memory store with a lock, as a store shared by processes has one; it records the locks taken. */
function lockingStore(): TokenStore & { taken: Array<{ name: string; ttlMs: number }> } {
  const inner = memoryTokenStore();
  const held = new Map<string, Promise<void>>();
  const taken: Array<{ name: string; ttlMs: number }> = [];
  return {
    ...inner,
    taken,
    async lock(name, ttlMs) {
      for (let current = held.get(name); current !== undefined; current = held.get(name)) await current;
      taken.push({ name, ttlMs });
      let release = (): void => undefined;
      held.set(name, new Promise<void>((resolve) => (release = resolve)));
      return async () => {
        held.delete(name);
        release();
      };
    },
  };
}

describe('a refresh through a store with a lock', () => {
  const oidc = useOidc();

  /** Logs in to the protected server with the robot, then marks the stored tokens expired (or expiring in `inMs`). */
  async function expiredLogin(store: TokenStore, inMs = -60_000): Promise<StoredLogin> {
    await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), store }));
    const key = loginStoreKey(oidc.mcp.url);
    const stored = (await store.get(key)) as StoredLogin;
    await store.set(key, { ...stored, tokens: { ...stored.tokens!, expiresAt: Date.now() + inMs } });
    return stored;
  }

  it("is sent once by two providers that share the store, each with a state of its own, and holds the login's lock", async () => {
    const store = lockingStore();
    await expiredLogin(store);
    const refreshesBefore = oidc.as.tokenRequests('refresh_token');
    const slow = slowRefreshes();

    const clients = await Promise.all([1, 2].map(() => oidc.connect(new OAuthProvider({ store, interactive: false, fetch: slow.fetch }))));

    for (const client of clients) expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    expect(slow.refreshes()).toBe(1);
    expect(oidc.as.tokenRequests('refresh_token') - refreshesBefore).toBe(1);
    expect(store.taken).toEqual([1, 2].map(() => ({ name: loginStoreKey(oidc.mcp.url), ttlMs: 60_000 })));
  });

  it('goes on without the lock when the lock fails, as with a shared store that is down', async () => {
    const store = lockingStore();
    const before = await expiredLogin(store);
    const failing: TokenStore = { ...store, lock: () => Promise.reject(new Error('Redis is down')) };

    const client = await oidc.connect(new OAuthProvider({ store: failing, interactive: false, onWarning: () => undefined }));

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    const after = (await store.get(loginStoreKey(oidc.mcp.url))) as StoredLogin;
    expect(after.tokens?.accessToken).not.toBe(before.tokens?.accessToken);
  });

  it('reports a lock that fails once through onWarning, however many refreshes go without it', async () => {
    const store = lockingStore();
    await expiredLogin(store);
    const failing: TokenStore = { ...store, lock: () => Promise.reject(new Error('Redis is down')) };
    const warnings: LocalError[] = [];
    const client = await oidc.connect(
      new OAuthProvider({ store: failing, interactive: false, onWarning: (warning) => warnings.push(warning) }),
    );
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    // The server refuses the new token: a second refresh, still without the lock.
    await oidc.as.expireAccessToken(((await store.get(loginStoreKey(oidc.mcp.url))) as StoredLogin).tokens!.accessToken);
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    expect(warnings).toHaveLength(1);
    expect(TokenStoreError.isInstance(warnings[0])).toBe(true);
    expect(warnings[0]?.message).toContain('Redis is down');
  });

  it('does not refresh early while the lock fails, only once the token has really expired', async () => {
    const store = lockingStore();
    const before = await expiredLogin(store, 20_000);
    const failing: TokenStore = { ...store, lock: () => Promise.reject(new Error('Redis is down')) };
    const refreshesBefore = oidc.as.tokenRequests('refresh_token');

    const client = await oidc.connect(new OAuthProvider({ store: failing, interactive: false, onWarning: () => undefined }));

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    expect(oidc.as.tokenRequests('refresh_token') - refreshesBefore).toBe(0);
    expect((await store.get(loginStoreKey(oidc.mcp.url)))?.tokens?.refreshToken).toBe(before.tokens?.refreshToken);
  });

  it('does not send the refresh when the store reports the lock lost', async () => {
    const store = lockingStore();
    await expiredLogin(store, 20_000);
    const lost = AbortSignal.abort(new TokenStoreError('the lock expired'));
    const losing: TokenStore = { ...store, lock: async () => Object.assign(async () => undefined, { lost }) };
    const refreshesBefore = oidc.as.tokenRequests('refresh_token');

    const client = await oidc.connect(new OAuthProvider({ store: losing, interactive: false }));

    // The token the server still takes goes with the request.
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    expect(oidc.as.tokenRequests('refresh_token') - refreshesBefore).toBe(0);
  });
});
