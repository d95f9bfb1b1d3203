import { describe, expect, it } from 'vitest';
import { memoryTokenStore } from './memory-store.js';
import type { StoredLogin } from './token-store.js';

const login = (): StoredLogin => ({
  serverUrl: 'https://mcp.example/mcp',
  issuer: 'https://as.example',
  client: { clientId: 'client-1', redirectUris: ['http://127.0.0.1:1234/callback'] },
  tokens: { accessToken: 'at-1', tokenType: 'Bearer' },
  savedAt: 1,
});

describe('memoryTokenStore', () => {
  it('keeps a copy on set, so a later change by the caller is not stored', async () => {
    const store = memoryTokenStore();
    const original = login();
    await store.set('k', original);
    original.client.redirectUris?.push('http://evil.example/');
    if (original.tokens) original.tokens.accessToken = 'changed';
    expect(await store.get('k')).toEqual(login());
  });

  it('hands out a copy on get, so changing it does not change the store', async () => {
    const store = memoryTokenStore();
    await store.set('k', login());
    const got = await store.get('k');
    if (got?.tokens) got.tokens.accessToken = 'changed';
    expect((await store.get('k'))?.tokens?.accessToken).toBe('at-1');
  });

  it('hands out copies from list', async () => {
    const store = memoryTokenStore();
    await store.set('k', login());
    const [entry] = await store.list();
    if (entry?.login.tokens) entry.login.tokens.accessToken = 'changed';
    expect((await store.list())[0]).toEqual({ key: 'k', login: login() });
  });

  it('forgets a deleted key', async () => {
    const store = memoryTokenStore();
    await store.set('k', login());
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('keeps logins of separate stores apart', async () => {
    const a = memoryTokenStore();
    await a.set('k', login());
    expect(await memoryTokenStore().get('k')).toBeUndefined();
  });
});
