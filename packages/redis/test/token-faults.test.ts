import { randomBytes } from 'node:crypto';
import { ConfigError, TokenStoreError, type StoredLogin } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { newKey, onlyLoginKey, useRedis } from './token-redis.js';

const login = (): StoredLogin => ({
  serverUrl: 'https://mcp.example.com/mcp',
  issuer: 'https://as.example.com',
  client: { clientId: 'mcpx-client' },
  tokens: { accessToken: `at-${randomBytes(12).toString('hex')}`, tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 },
  savedAt: Date.now(),
});

/** Runs `body` with redis-server stopped (SIGSTOP: it holds its connections open and answers nothing), and resumes it after. */
async function whileStopped<T>(pid: number, body: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await body();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

describe('redisTokenStore against a Redis that misbehaves', () => {
  const redis = useRedis();

  it('reads a value of another type under a login key as no login, reports it, and a new login replaces it', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const reported: TokenStoreError[] = [];
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix, onUnreadable: (error) => reported.push(error) });
    await store.set('the-key', login());
    const redisKey = await onlyLoginKey(client, prefix);
    await client.del(redisKey);
    await client.hSet(redisKey, 'field', 'of another program');

    expect(await store.get('the-key')).toBeUndefined();
    expect(reported.map((error) => error.message)).toEqual([expect.stringContaining(redisKey)]);
    const stored = login();
    await store.set('the-key', stored);
    expect(await store.get('the-key')).toEqual(stored);
  });

  it('fails get, set and lock while redis-server answers nothing, instead of hanging', async () => {
    const client = await redis.connect();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix: redis.prefix(), commandTimeoutMs: 1_000 });
    // The key is derived before the server stops, so that only Redis is waited for.
    await store.get('the-key');

    const outcomes = await whileStopped(redis.server.pid, () =>
      Promise.allSettled([store.get('the-key'), store.set('the-key', login()), store.lock('the-key', 60_000)]),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(TokenStoreError.isInstance((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
  });

  it('releases a lock without hanging while redis-server answers nothing', async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix(), commandTimeoutMs: 1_000 });
    const release = await store.lock('the-key', 60_000);

    await whileStopped(redis.server.pid, () => release());
  });

  it('takes a 43-character passphrase as a passphrase, not as the base64 of a key', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const passphrase = 'mcpx-token-encryption-passphrase-production';
    const stored = login();
    await redisTokenStore(client, { encryptionKey: passphrase, prefix }).set('the-key', stored);

    expect(await redisTokenStore(client, { encryptionKey: passphrase, prefix }).get('the-key')).toEqual(stored);
    const asRaw = redisTokenStore(client, { encryptionKey: `base64:${passphrase}`, prefix, onUnreadable: () => undefined });
    expect(await asRaw.get('the-key')).toBeUndefined();
  });

  it('refuses an unknown option and a commandTimeoutMs of 0 with a ConfigError', async () => {
    const client = await redis.connect();
    const bad: unknown[] = [
      { encryptionKey: newKey(), timeoutMs: 1_000 },
      { encryptionKey: newKey(), commandTimeoutMs: 0 },
    ];
    for (const options of bad) {
      const error = (() => {
        try {
          redisTokenStore(client, options as never);
        } catch (caught) {
          return caught;
        }
      })();
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('redisTokenStore(client, options)');
    }
  });
});
