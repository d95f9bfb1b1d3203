import { LoginRequiredError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { OAuthProvider } from '../src/index.js';
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
});
