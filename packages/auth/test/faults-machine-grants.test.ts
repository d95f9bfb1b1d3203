import { replyJson } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { ID_JAG } from '../src/grants/enterprise.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import { useFaults, type FakeAuthorizationServer } from './faults-fakes.js';

const AS_SECRET = 'as-client-secret-4411';

describe('the enterprise grant', () => {
  const fakes = useFaults();

  /** Answers the token exchange at `/idp/token` of the fake with an identity assertion grant. */
  function identityProvider(as: FakeAuthorizationServer): () => Array<{ body: URLSearchParams; authorization: string | undefined }> {
    as.answer('/idp/token', (_, response) => replyJson(response, { access_token: 'id-jag', issued_token_type: ID_JAG, token_type: 'N_A' }));
    return () =>
      as.http.requests
        .filter((request) => request.path === '/idp/token')
        .map((request) => ({ body: new URLSearchParams(request.body), authorization: request.headers.authorization }));
  }

  it("does not send the authorization server's client secret to the identity provider", async () => {
    const as = await fakes.authorizationServer();
    const exchanges = identityProvider(as);
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const provider = new OAuthProvider({
      clientId: 'machine',
      clientSecret: AS_SECRET,
      grant: { type: 'enterprise', idToken: 'id-token', idpTokenEndpoint: `${as.origin}/idp/token` },
    });

    expect(await provider.login(mcp.url())).toMatchObject({ clientId: 'machine' });
    const [exchange] = exchanges();
    expect(exchange?.body.get('subject_token')).toBe('id-token');
    expect(exchange?.body.get('client_id')).toBe('machine');
    expect(exchange?.body.has('client_secret')).toBe(false);
    expect(exchange?.authorization).toBeUndefined();
    expect(as.tokenRequests('urn:ietf:params:oauth:grant-type:jwt-bearer')).toHaveLength(1);
  });

  it('sends the identity provider its own client secret when one is configured', async () => {
    const as = await fakes.authorizationServer();
    const exchanges = identityProvider(as);
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const grant = {
      type: 'enterprise' as const,
      idToken: 'id-token',
      idpTokenEndpoint: `${as.origin}/idp/token`,
      idpClientId: 'idp-client',
      idpClientSecret: 'idp-secret',
    };
    await new OAuthProvider({ clientId: 'machine', clientSecret: AS_SECRET, grant }).login(mcp.url());
    const [exchange] = exchanges();
    expect([exchange?.body.get('client_id'), exchange?.body.get('client_secret')]).toEqual(['idp-client', 'idp-secret']);
  });
});

describe('a dynamic registration for a machine grant', () => {
  const fakes = useFaults();

  /** A fake authorization server with open registration, and the grant_types of each registration. */
  async function registering(): Promise<{ as: FakeAuthorizationServer; registered: () => unknown[] }> {
    const as = await fakes.authorizationServer();
    as.metadata.registration_endpoint = `${as.origin}/register`;
    as.answer('/register', (request, response) =>
      replyJson(response, { ...JSON.parse(request.body), client_id: 'registered', token_endpoint_auth_method: 'none' }, 201),
    );
    const registered = () =>
      as.http.requests
        .filter((request) => request.path === '/register')
        .map((request) => (JSON.parse(request.body) as { grant_types: unknown }).grant_types);
    return { as, registered };
  }

  it('registers the JWT bearer grant that workload identity uses', async () => {
    const { as, registered } = await registering();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    await new OAuthProvider({ grant: { type: 'workload_identity', token: 'platform-token' } }).login(mcp.url());
    expect(registered()).toEqual([['urn:ietf:params:oauth:grant-type:jwt-bearer']]);
    expect(as.tokenRequests('urn:ietf:params:oauth:grant-type:jwt-bearer').map((form) => form.get('assertion'))).toEqual([
      'platform-token',
    ]);
  });

  it('registers the JWT bearer grant that the enterprise grant ends with', async () => {
    const { as, registered } = await registering();
    as.answer('/idp/token', (_, response) => replyJson(response, { access_token: 'id-jag', issued_token_type: ID_JAG, token_type: 'N_A' }));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    await new OAuthProvider({
      grant: { type: 'enterprise', idToken: 'id-token', idpTokenEndpoint: `${as.origin}/idp/token`, idpClientId: 'idp-client' },
    }).login(mcp.url());
    expect(registered()).toEqual([['urn:ietf:params:oauth:grant-type:jwt-bearer']]);
  });
});
