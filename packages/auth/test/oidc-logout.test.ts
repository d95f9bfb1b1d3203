import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { memoryTokenStore, OAuthProvider } from '../src/index.js';
import { useOidc } from './oidc-fixture.js';

describe('logging out', () => {
  const oidc = useOidc();

  it('revokes the access and refresh tokens at the authorization server and forgets the login', async () => {
    const store = memoryTokenStore();
    const provider = new OAuthProvider({ userAgent: robotBrowser(), store });
    await oidc.connect(provider);
    const tokens = (await store.list())[0]?.login.tokens;
    expect(await oidc.as.introspect(tokens?.accessToken ?? '')).toMatchObject({ active: true });

    expect(await provider.logout()).toEqual({ revoked: true });

    expect(await oidc.as.introspect(tokens?.accessToken ?? '')).toEqual({ active: false });
    expect(await oidc.as.introspect(tokens?.refreshToken ?? '')).toEqual({ active: false });
    expect(await store.list()).toEqual([]);
    expect(await provider.status()).toBeUndefined();
  });

  it('means the next connection logs in again', async () => {
    const store = memoryTokenStore();
    const robot = robotBrowser();
    const provider = new OAuthProvider({ userAgent: robot, store });
    await oidc.connect(provider);
    await provider.logout(oidc.mcp.url);

    await oidc.connect(new OAuthProvider({ userAgent: robot, store }));
    expect(robot.visits).toHaveLength(2);
  });
});
