import { McpClient, type CallToolResult, type StoredLogin } from '@mcpx/core';
import { OAuthProvider, loginStoreKey } from '@mcpx/auth';
import { StreamableHttpTransport } from '@mcpx/http';
import { robotBrowser, useOAuthServers } from '@mcpx/test-utils/oauth';
import { afterEach, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { newKey, onlyLoginKey, useRedis } from './token-redis.js';

function text(result: CallToolResult): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

describe('OAuth tokens on Redis through an outage of redis-server', () => {
  const redis = useRedis();
  const oauth = useOAuthServers();
  const clients: McpClient[] = [];
  afterEach(async () => {
    // A client that cannot close (its server gone) must not keep the others from closing.
    for (const client of clients.splice(0)) await client.close().catch(() => undefined);
  });

  async function connect(provider: OAuthProvider): Promise<McpClient> {
    const client = new McpClient({ server: 'protected', eraCache: false });
    clients.push(client);
    await client.connect(new StreamableHttpTransport(oauth.mcp.url, { authProvider: provider }));
    return client;
  }

  it('keeps the login refreshed while Redis was down, and never spends the older refresh token Redis still holds', async () => {
    const redisClient = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(redisClient, { encryptionKey: newKey(), prefix, commandTimeoutMs: 1_000 });
    await connect(new OAuthProvider({ userAgent: robotBrowser(), store }));
    const key = loginStoreKey(oauth.mcp.url);
    const first = (await store.get(key)) as StoredLogin;
    const redisKey = await onlyLoginKey(redisClient, prefix);
    const firstRaw = (await redisClient.get(redisKey)) as string;
    const warnings: Error[] = [];
    // The access tokens the provider's refreshes get, read from the token endpoint's answers.
    const refreshed: string[] = [];
    const fetchAndRecord = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token' && response.ok)
        refreshed.push(((await response.clone().json()) as { access_token: string }).access_token);
      return response;
    };
    const client = await connect(
      new OAuthProvider({ store, interactive: false, fetch: fetchAndRecord, onWarning: (warning) => warnings.push(warning) }),
    );
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    // Redis goes down; the server then refuses the token, and the refresh runs without Redis.
    await redis.server.kill();
    try {
      await oauth.as.expireAccessToken(first.tokens!.accessToken);
      expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);
    } finally {
      await redis.server.restart();
    }
    expect(refreshed).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    // Redis is back with the login from before the refresh (as one with persistence would be).
    await expect.poll(() => redisClient.set(redisKey, firstRaw).catch(() => 'down'), { timeout: 20_000, interval: 200 }).toBe('OK');

    // The server refuses the refreshed token too: the next refresh must spend the newer refresh token.
    await oauth.as.expireAccessToken(refreshed[0] as string);
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    expect(refreshed).toHaveLength(2);
    const last = (await store.get(key)) as StoredLogin;
    expect(last.tokens?.accessToken).toBe(refreshed[1]);
    expect(last.tokens?.refreshToken).not.toBe(first.tokens?.refreshToken);
    expect(await oauth.as.introspect(last.tokens?.refreshToken ?? '')).toMatchObject({ active: true });
  });
});
