import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { memoryTokenStore, OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('JWT access tokens', () => {
  const oidc = useOidc({ as: { accessTokenFormat: 'jwt' } });

  it('name the MCP server as audience and are accepted after a check against the JWKS', async () => {
    const store = memoryTokenStore();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), store }));

    expect(text(await client.callTool('whoami'))).toMatch(/^alice via .* \(mcp:read, Bearer\)$/);
    const accessToken = (await store.list())[0]?.login.tokens?.accessToken ?? '';
    expect(decodeJwt(accessToken)).toMatchObject({ iss: oidc.as.issuer, aud: oidc.mcp.url, sub: 'alice', scope: 'mcp:read' });
  });

  it('bound to a DPoP key carry its thumbprint', async () => {
    const store = memoryTokenStore();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), store, dpop: true }));

    expect(text(await client.callTool('whoami'))).toMatch(/\(mcp:read, DPoP\)$/);
    const accessToken = (await store.list())[0]?.login.tokens?.accessToken ?? '';
    expect(decodeJwt(accessToken)).toMatchObject({ cnf: { jkt: expect.any(String) } });
  });
});
