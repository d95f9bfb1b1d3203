import { McpClient, type CallToolResult, type StoredLogin } from '@mcpx/core';
import { OAuthProvider, loginStoreKey } from '@mcpx/auth';
import { StreamableHttpTransport } from '@mcpx/http';
import { robotBrowser, useOAuthServers } from '@mcpx/test-utils/oauth';
import { afterEach, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { startTokenChild, type TokenChild } from './token-process.js';
import { newKey, useRedis } from './token-redis.js';

const machine = { clientId: 'nightly-job', clientSecret: 'a-long-enough-machine-secret-0123456789' };

function text(result: CallToolResult): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

describe('OAuth tokens shared by processes through Redis', () => {
  const redis = useRedis();
  const oauth = useOAuthServers({
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
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    // A cleanup that fails must not keep the others from running.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /** A client of the protected MCP server in this process, through `provider`. */
  async function connect(provider: OAuthProvider): Promise<McpClient> {
    const client = new McpClient({ server: 'protected', eraCache: false });
    cleanups.push(() => client.close());
    await client.connect(new StreamableHttpTransport(oauth.mcp.url, { authProvider: provider }));
    return client;
  }

  function child(mode: 'call' | 'hold-lock', env: Record<string, string>): TokenChild {
    const started = startTokenChild(mode, { REDIS_URL: redis.server.url, MCP_URL: oauth.mcp.url, ...env });
    cleanups.push(() => started.kill());
    return started;
  }

  it('lets a second process use the token a machine grant stored, without logging in', async () => {
    const shared = { ENCRYPTION_KEY: newKey(), PREFIX: redis.prefix() };
    const store = redisTokenStore(await redis.connect(), { encryptionKey: shared.ENCRYPTION_KEY, prefix: shared.PREFIX });
    const first = await connect(new OAuthProvider({ grant: { type: 'client_credentials' }, ...machine, interactive: false, store }));
    expect(text(await first.callTool('whoami'))).toBe(`${machine.clientId} via ${machine.clientId} (mcp:read, Bearer)`);
    const eventsBefore = oauth.as.events.length;

    const answer = await child('call', shared).next();

    expect(answer).toEqual({ text: `${machine.clientId} via ${machine.clientId} (mcp:read, Bearer)`, refreshRequests: 0 });
    expect(oauth.as.events.slice(eventsBefore)).toEqual([]);
  });

  it('sends one refresh between two processes that find the token expired at the same time', async () => {
    const shared = { ENCRYPTION_KEY: newKey(), PREFIX: redis.prefix() };
    const store = redisTokenStore(await redis.connect(), { encryptionKey: shared.ENCRYPTION_KEY, prefix: shared.PREFIX });
    await connect(new OAuthProvider({ userAgent: robotBrowser(), store }));
    const key = loginStoreKey(oauth.mcp.url);
    const stored = (await store.get(key)) as StoredLogin;
    // The tokens are still good at the server; the processes only believe them expired, as they would an hour later.
    await store.set(key, { ...stored, tokens: { ...stored.tokens!, expiresAt: Date.now() - 60_000 } });
    const refreshesBefore = oauth.as.tokenRequests('refresh_token');
    // A slow token endpoint: without the lock, both processes would be refreshing at once.
    const processes = [
      child('call', { ...shared, WAIT_GO: '1', TOKEN_DELAY_MS: '1000' }),
      child('call', { ...shared, WAIT_GO: '1', TOKEN_DELAY_MS: '1000' }),
    ];
    for (const process of processes) expect(await process.next()).toEqual({ ready: true });

    for (const process of processes) process.send('go');
    const answers = await Promise.all(processes.map((process) => process.next()));

    expect(answers.map((answer) => answer.text)).toEqual([expect.stringMatching(/^alice via /), expect.stringMatching(/^alice via /)]);
    expect(answers.map((answer) => answer.refreshRequests as number).reduce((sum, count) => sum + count)).toBe(1);
    expect(oauth.as.tokenRequests('refresh_token') - refreshesBefore).toBe(1);
    const after = (await store.get(key)) as StoredLogin;
    expect(after.tokens?.refreshToken).not.toBe(stored.tokens?.refreshToken);
    expect(await oauth.as.introspect(after.tokens?.refreshToken ?? '')).toMatchObject({ active: true });
  });

  it('frees the lock of a process that died holding it once its ttl has passed', async () => {
    const shared = { ENCRYPTION_KEY: newKey(), PREFIX: redis.prefix() };
    const client = await redis.connect();
    const store = redisTokenStore(client, { encryptionKey: shared.ENCRYPTION_KEY, prefix: shared.PREFIX });
    const holder = child('hold-lock', { ...shared, LOCK_NAME: 'the-login', LOCK_TTL_MS: '5000' });
    expect(await holder.next()).toEqual({ held: true });

    await holder.kill();
    const [lockKey = ''] = await client.keys(`${shared.PREFIX}token-lock:*`);
    expect(await client.pTTL(lockKey)).toBeGreaterThan(0);
    const release = await store.lock('the-login', 30_000);

    expect(await client.exists(lockKey)).toBe(1);
    await release();
    expect(await client.exists(lockKey)).toBe(0);
  });
});
