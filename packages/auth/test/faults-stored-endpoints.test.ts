import { replyJson } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { loginStoreKey } from '../src/login.js';
import { OAuthError } from '../src/oauth-error.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import { memoryTokenStore } from '../src/store/memory-store.js';
import { rejectionOf, seededStore, storedLogin, useFaults } from './faults-fakes.js';

const serverUrl = 'http://127.0.0.1:9/mcp';
const context = { url: new URL(serverUrl), method: 'POST' };
const expired = { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: Date.now() - 1000 };

describe('the endpoints of a stored login', () => {
  const fakes = useFaults();

  it('are saved with the tokens, with the client authentication the login used', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const store = memoryTokenStore();
    await new OAuthProvider({ store, grant: { type: 'client_credentials' }, clientId: 'machine', clientSecret: 'machine-secret' }).login(
      mcp.url(),
    );
    const saved = await store.get(loginStoreKey(mcp.url()));
    expect(saved?.endpoints).toEqual({ token: `${as.origin}/token`, revocation: `${as.origin}/revoke` });
    expect(saved?.client.tokenEndpointAuthMethod).toBe('client_secret_basic');
  });

  it('take the refresh, without fetching the authorization server metadata again', async () => {
    const as = await fakes.authorizationServer();
    const login = { ...storedLogin(serverUrl, `${as.origin}/tenant`, expired), endpoints: { token: `${as.origin}/tenant/oauth/token` } };
    const provider = new OAuthProvider({ store: await seededStore(serverUrl, login), interactive: false });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(as.http.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /tenant/oauth/token']);
  });

  it('are not guessed for a login stored without them whose issuer has a path and publishes no metadata', async () => {
    const as = await fakes.authorizationServer();
    const provider = new OAuthProvider({
      store: await seededStore(serverUrl, storedLogin(serverUrl, `${as.origin}/realms/acme`, expired)),
      interactive: false,
    });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-0' }); // the refresh failed: the old token goes
    expect(as.tokenRequests()).toEqual([]);
  });

  it('are the 2025-03-26 defaults for a login stored without them whose issuer is an origin without metadata', async () => {
    const as = await fakes.authorizationServer();
    as.answer('/.well-known/oauth-authorization-server', (_, response) => void response.writeHead(404).end());
    const provider = new OAuthProvider({
      store: await seededStore(serverUrl, storedLogin(serverUrl, as.origin, expired)),
      interactive: false,
    });
    expect(await provider.headers(context)).toEqual({ authorization: 'Bearer at-1' });
    expect(as.tokenRequests('refresh_token')).toHaveLength(1);
  });
});

describe('metadata that answers an error', () => {
  const fakes = useFaults();
  const METADATA = '/.well-known/oauth-authorization-server';

  it('fails discovery naming the server when the authorization server answers 503, instead of guessing its endpoints', async () => {
    const as = await fakes.authorizationServer();
    as.answer(METADATA, (_, response) => void response.writeHead(503).end('down for maintenance'));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await rejectionOf(
      new OAuthProvider({ grant: { type: 'client_credentials' }, clientId: 'machine', clientSecret: 'machine-secret' }).login(mcp.url()),
    );
    expect(OAuthError.isInstance(error) && error.step).toBe('authorization server discovery');
    expect(error.message).toContain(`${as.origin} answered HTTP 503 for ${as.origin}${METADATA}`);
    expect(error.message).toContain('down or overloaded');
    expect(as.tokenRequests()).toEqual([]);
  });

  it('fails discovery when a protected resource metadata URL answers 500, instead of trying the next', async () => {
    const mcp = await fakes.protectedMcpServer('http://unused.invalid', () => false);
    mcp.intercept((request, response) => {
      if (request.path.startsWith('/.well-known/')) response.writeHead(500).end();
      else response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return true;
    });
    const error = await rejectionOf(
      new OAuthProvider({ grant: { type: 'client_credentials' }, clientId: 'machine', clientSecret: 'machine-secret' }).login(mcp.url()),
    );
    expect(OAuthError.isInstance(error) && error.step).toBe('resource discovery');
    expect(error.message).toContain(`answered HTTP 500 for ${mcp.origin}/.well-known/oauth-protected-resource/mcp`);
  });

  it('counts a 401 or 403 at a metadata URL as no document there, and tries the next', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    mcp.intercept((request, response) => {
      if (request.path === '/.well-known/oauth-protected-resource/mcp') response.writeHead(401).end();
      else if (request.path === '/.well-known/oauth-protected-resource')
        replyJson(response, { resource: mcp.origin, authorization_servers: [as.origin] });
      else return false;
      return true;
    });
    const status = await new OAuthProvider({
      grant: { type: 'client_credentials' },
      clientId: 'machine',
      clientSecret: 'machine-secret',
    }).login(mcp.url());
    expect(status.issuer).toBe(as.origin);
  });
});
