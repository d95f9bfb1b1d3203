import { LoginRequiredError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { robotBrowser } from '@mcpx/test-utils/oauth';
import { memoryTokenStore, OAuthProvider } from '../src/index.js';
import { causes, useOidc } from './oidc-fixture.js';

describe('a provider that may not open a browser, without a stored login', () => {
  const oidc = useOidc();

  it('fails with LoginRequiredError naming the command that logs in', async () => {
    const eventsBefore = oidc.as.events.length;
    const error = await oidc.connect(new OAuthProvider({ interactive: false, serverName: 'protected' })).catch((caught: unknown) => caught);

    const required = causes(error).find((cause) => LoginRequiredError.isInstance(cause));
    expect(required).toMatchObject({ code: 'LOGIN_REQUIRED' });
    expect(String((required as Error).message)).toContain('mcpx login protected');
    expect(oidc.as.events.slice(eventsBefore)).toEqual([]);
  });

  it('takes a login another provider saved in the same store meanwhile, without a browser', async () => {
    const store = memoryTokenStore();
    const waiting = new OAuthProvider({ interactive: false, serverName: 'protected', store });
    const refused = await oidc.connect(waiting).catch((caught: unknown) => caught);
    expect(causes(refused).some((cause) => LoginRequiredError.isInstance(cause))).toBe(true);

    const browser = robotBrowser();
    await oidc.connect(new OAuthProvider({ userAgent: browser, store }));
    const client = await oidc.connect(waiting);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('whoami');
    expect(browser.visits.length).toBeGreaterThan(0);
  });
});
