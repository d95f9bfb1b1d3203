import { freePort } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { loginStoreKey } from './login.js';
import { OAuthProvider } from './oauth-provider.js';
import type { RefreshEvent } from './options.js';
import { memoryTokenStore } from './store/memory-store.js';
import type { StoredTokens, TokenStore } from './store/token-store.js';

const SERVER = 'http://127.0.0.1:9/mcp';
const context = { url: new URL(SERVER), method: 'POST' };

async function storeWith(tokens: StoredTokens, issuer = 'https://as.invalid'): Promise<TokenStore> {
  const store = memoryTokenStore();
  await store.set(loginStoreKey(SERVER), { serverUrl: SERVER, issuer, client: { clientId: 'c' }, tokens, savedAt: 0 });
  return store;
}

const isThenable = (value: unknown): boolean => typeof (value as { then?: unknown } | null)?.then === 'function';

describe('OAuthProvider.headers', () => {
  it('answers synchronously, with the same record, once the stored Bearer login is loaded', async () => {
    const provider = new OAuthProvider({
      store: await storeWith({ accessToken: 'at', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 }),
      interactive: false,
    });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at' });
    const first = provider.headers({ url: new URL(SERVER), method: 'POST' });
    const second = provider.headers({ url: new URL(SERVER), method: 'GET' });
    expect(isThenable(first)).toBe(false);
    expect(first).toEqual({ authorization: 'Bearer at' });
    expect(second).toBe(first);
  });

  it('answers synchronously with nothing when no login is stored', async () => {
    const provider = new OAuthProvider({ interactive: false });
    expect(await provider.headers(context)).toEqual({});
    const answer = provider.headers(context);
    expect(isThenable(answer)).toBe(false);
    expect(answer).toEqual({});
  });

  it('gives nothing, even synchronously loaded, to another origin', async () => {
    const provider = new OAuthProvider({ store: await storeWith({ accessToken: 'at', tokenType: 'Bearer' }), interactive: false });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at' });
    expect(await provider.headers({ url: new URL('http://127.0.0.2:9/mcp'), method: 'POST' })).toEqual({});
    expect(await provider.headers({ url: new URL('http://localhost:9/mcp'), method: 'POST' })).toEqual({});
  });

  it('goes the asynchronous way for a token due for a refresh', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const provider = new OAuthProvider({
      store: await storeWith({ accessToken: 'at', tokenType: 'Bearer', refreshToken: 'rt', expiresAt: Date.now() + 1000 }, issuer),
      interactive: false,
    });
    expect(await provider.status(SERVER)).toMatchObject({ refreshable: true }); // loads the login without using it
    const answer = provider.headers(context);
    expect(isThenable(answer)).toBe(true);
    expect(await answer).toEqual({ authorization: 'Bearer at' }); // nobody answers at the issuer: the refresh fails and the old token goes
  });

  it('tells onRefresh why a refresh failed, and the request still goes with the old token', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const told: RefreshEvent[] = [];
    const provider = new OAuthProvider({
      store: await storeWith({ accessToken: 'at', tokenType: 'Bearer', refreshToken: 'rt', expiresAt: Date.now() + 1000 }, issuer),
      interactive: false,
      onRefresh: (event) => told.push(event),
    });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at' });
    expect(told).toEqual([{ serverUrl: SERVER, durationMs: expect.any(Number) as unknown, error: expect.any(Error) as unknown }]);
  });

  it('sends a token that expires soon but cannot be refreshed as it is', async () => {
    const provider = new OAuthProvider({
      store: await storeWith({ accessToken: 'at', tokenType: 'Bearer', expiresAt: Date.now() + 1000 }),
      interactive: false,
    });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at' });
    expect(provider.headers(context)).toEqual({ authorization: 'Bearer at' });
  });
});
