import { LoginRequiredError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { OAuthProvider } from '../src/oauth-provider.js';
import { rejectionOf, refusal, seededStore, storedLogin, useFaults } from './faults-fakes.js';

const HOUR_MS = 3_600_000;

describe('a provider that may not log in', () => {
  const fakes = useFaults();

  it('names the scopes a 403 asks for, not an expired login, when the stored login lacks them', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => true);
    const url = mcp.url();
    const store = await seededStore(
      url,
      storedLogin(url, as.origin, { accessToken: 'at-0', refreshToken: 'rt-0', scope: 'mcp:read', expiresAt: Date.now() + HOUR_MS }),
    );
    const provider = new OAuthProvider({ store, interactive: false, serverName: 'notes' });
    const challenge = `Bearer error="insufficient_scope", scope="mcp:read mcp:write mcp:admin", resource_metadata="${mcp.origin}/.well-known/oauth-protected-resource/mcp"`;

    const error = await rejectionOf(provider.onUnauthorized(refusal(url, 403, challenge, { authorization: 'Bearer at-0' })));
    expect(LoginRequiredError.isInstance(error)).toBe(true);
    expect((error as LoginRequiredError).reason).toBe('the server asks for the scopes mcp:write mcp:admin, which the stored login lacks');
    expect(error.message).toContain('log in with `mcpx login notes`');
    expect(error.message).not.toContain('expired');
  });

  it('says the stored login expired when a 401 comes and the refresh fails', async () => {
    const as = await fakes.authorizationServer();
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const url = mcp.url();
    const store = await seededStore(
      url,
      storedLogin(url, as.origin, { accessToken: 'at-0', refreshToken: 'rt-revoked', expiresAt: Date.now() + HOUR_MS }),
    );
    const provider = new OAuthProvider({ store, interactive: false });
    const error = await rejectionOf(
      provider.onUnauthorized(refusal(url, 401, 'Bearer error="invalid_token"', { authorization: 'Bearer at-0' })),
    );
    expect((error as LoginRequiredError).reason).toBe('the stored login expired and could not be refreshed');
  });
});
