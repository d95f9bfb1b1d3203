import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { memoryTokenStore, OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('DPoP-bound tokens', () => {
  const oidc = useOidc();

  it('are issued for dpop: true and accepted with a proof on every request', async () => {
    const store = memoryTokenStore();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), dpop: true, store }));

    expect(text(await client.callTool('whoami'))).toMatch(/\(mcp:read, DPoP\)$/);
    const accepted = oidc.mcp.requests.filter((request) => request.status === 200);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((request) => request.token?.tokenType === 'DPoP')).toBe(true);
    const tokens = (await store.list())[0]?.login.tokens;
    expect(tokens?.tokenType).toBe('DPoP');
    expect(await oidc.as.introspect(tokens?.accessToken ?? '')).toMatchObject({
      active: true,
      token_type: 'DPoP',
      cnf: { jkt: expect.any(String) },
    });
  });

  it('are refreshed bound to the same key', async () => {
    const store = memoryTokenStore();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), dpop: true, store }));
    const before = (await store.list())[0]?.login.tokens;
    const jkt = (await oidc.as.introspect(before?.accessToken ?? '')).cnf;
    await oidc.as.expireAccessToken(before?.accessToken ?? '');

    expect(text(await client.callTool('whoami'))).toMatch(/\(mcp:read, DPoP\)$/);
    const after = (await store.list())[0]?.login.tokens;
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect((await oidc.as.introspect(after?.accessToken ?? '')).cnf).toEqual(jkt);
  });

  it('are issued and saved again to a provider that restored the login from its store', async () => {
    const store = memoryTokenStore();
    await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), dpop: true, store }));
    const before = (await store.list())[0]?.login;

    // A new process (a restart, or `mcpx login` run again) logs in once more with the stored key.
    const status = await new OAuthProvider({ userAgent: robotBrowser(), dpop: true, store }).login(oidc.mcp.url);

    expect(status.tokenType).toBe('DPoP');
    const after = (await store.list())[0]?.login;
    expect(after?.tokens?.accessToken).not.toBe(before?.tokens?.accessToken);
    expect(after?.dpopKey).toEqual(before?.dpopKey);
    expect((await oidc.as.introspect(after?.tokens?.accessToken ?? '')).cnf).toEqual(
      (await oidc.as.introspect(before?.tokens?.accessToken ?? '')).cnf,
    );
  });
});

describe('a resource server that asks for DPoP nonces', () => {
  const oidc = useOidc({ mcp: { requireDpopNonce: true } });

  it('gets its nonce in the proof after one refusal', async () => {
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), dpop: true }));

    expect(text(await client.callTool('whoami'))).toMatch(/\(mcp:read, DPoP\)$/);
    const nonceRefusals = oidc.mcp.requests.filter((request) => request.error === 'use_dpop_nonce');
    expect(nonceRefusals).toHaveLength(1);
  });
});
