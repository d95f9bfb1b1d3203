import { describe, expect, it } from 'vitest';
import { OAuthError, OAuthProvider } from '../src/index.js';
import { causes, text, useOidc } from './oidc-fixture.js';

const machine = { clientId: 'nightly-job', clientSecret: 'a-long-enough-machine-secret-0123456789' };

describe('the client credentials grant with a pre-registered client', () => {
  const oidc = useOidc({
    as: {
      clients: [
        {
          client_id: machine.clientId,
          client_secret: machine.clientSecret,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
      ],
    },
  });

  it('gets a token for the machine itself, without a user, a browser or a registration', async () => {
    const eventsBefore = oidc.as.events.length;
    const client = await oidc.connect(new OAuthProvider({ grant: { type: 'client_credentials' }, ...machine, interactive: false }));

    expect(text(await client.callTool('whoami'))).toBe(`${machine.clientId} via ${machine.clientId} (mcp:read, Bearer)`);
    expect(oidc.as.events.slice(eventsBefore)).toEqual([{ type: 'token', grantType: 'client_credentials', clientId: machine.clientId }]);
  });

  it("fails with the server's invalid_client when the secret is wrong, not as a server out of reach", async () => {
    const error = await oidc
      .connect(
        new OAuthProvider({ grant: { type: 'client_credentials' }, clientId: machine.clientId, clientSecret: 'wrong', interactive: false }),
      )
      .catch((caught: unknown) => caught);

    const oauthError = causes(error).find((cause) => OAuthError.isInstance(cause));
    expect(oauthError).toMatchObject({ step: 'token request', oauthError: 'invalid_client' });
    expect(String((oauthError as Error).message)).toContain('the client credentials were refused');
  });
});
