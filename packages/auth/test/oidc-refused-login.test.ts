import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { memoryTokenStore, OAuthError, OAuthProvider } from '../src/index.js';
import { causes, useOidc } from './oidc-fixture.js';

describe('a login the user declines', () => {
  const oidc = useOidc();

  it('fails the connection with an OAuthError carrying access_denied', async () => {
    const robot = robotBrowser({ consent: 'deny' });
    const error = await oidc.connect(new OAuthProvider({ userAgent: robot })).catch((caught: unknown) => caught);

    const oauthError = causes(error).find((cause) => OAuthError.isInstance(cause));
    expect(oauthError).toMatchObject({ step: 'authorization', oauthError: 'access_denied' });
    expect(String((oauthError as Error).message)).toContain('run it again and approve the request');
    expect(robot.lastCallback?.searchParams.get('error')).toBe('access_denied');
  });

  it('stores no tokens', async () => {
    const store = memoryTokenStore();
    // The refused login makes connect() fail; this test looks only at the store.
    await oidc.connect(new OAuthProvider({ userAgent: robotBrowser({ consent: 'deny' }), store })).catch(() => undefined);

    expect((await store.list()).filter((entry) => entry.login.tokens !== undefined)).toEqual([]);
  });
});
