import { randomBytes } from 'node:crypto';
import { ConfigError, TokenStoreError, type StoredLogin } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { newKey, onlyLoginKey, useRedis } from './token-redis.js';

const login = (accessToken = `at-${randomBytes(12).toString('hex')}`): StoredLogin => ({
  serverUrl: 'https://mcp.example.com/mcp',
  issuer: 'https://as.example.com',
  client: { clientId: 'mcpx-client', clientSecret: `secret-${randomBytes(8).toString('hex')}` },
  tokens: { accessToken, tokenType: 'Bearer', refreshToken: `rt-${randomBytes(12).toString('hex')}`, expiresAt: Date.now() + 3_600_000 },
  savedAt: Date.now(),
});

describe('redisTokenStore', () => {
  const redis = useRedis();

  it('gives back the login it stored, lists it, and forgets it', async () => {
    const store = redisTokenStore(await redis.connect(), { encryptionKey: newKey(), prefix: redis.prefix() });
    const stored = login();

    await store.set('mcpx-oauth:https://mcp.example.com/mcp', stored);

    expect(await store.get('mcpx-oauth:https://mcp.example.com/mcp')).toEqual(stored);
    expect(await store.list()).toEqual([{ key: 'mcpx-oauth:https://mcp.example.com/mcp', login: stored }]);
    await store.delete('mcpx-oauth:https://mcp.example.com/mcp');
    expect(await store.get('mcpx-oauth:https://mcp.example.com/mcp')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('keeps every value under <prefix>token:<hash of the key>, and no token, secret or URL in plaintext, key names included', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const stored = login();
    const loginKey = 'mcpx-oauth:https://mcp.example.com/mcp?api_key=sk-SECRET123';

    await store.set(loginKey, stored);
    const release = await store.lock(loginKey, 30_000);

    const keys = await client.keys(`${prefix}*`);
    expect(keys.sort()).toEqual([
      expect.stringMatching(new RegExp(`^${prefix}token-lock:[0-9a-f]{64}$`)),
      expect.stringMatching(new RegExp(`^${prefix}token:[0-9a-f]{64}$`)),
    ]);
    const raw = (await client.get(await onlyLoginKey(client, prefix))) ?? '';
    const decoded = Buffer.from(raw, 'base64').toString('latin1');
    for (const secret of [
      stored.tokens?.accessToken,
      stored.tokens?.refreshToken,
      stored.client.clientSecret,
      'mcp.example.com',
      'SECRET123',
    ])
      for (const text of [raw, decoded, ...keys]) expect(text).not.toContain(secret);
    expect(await store.list()).toEqual([{ key: loginKey, login: stored }]);
    await release();
  });

  it('encrypts the same login differently each time (a random IV per value)', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const stored = login();

    await store.set('a', stored);
    await store.set('b', stored);

    const values = await client.mGet(await client.keys(`${prefix}token:*`));
    expect(values).toHaveLength(2);
    expect(values[0]).not.toBe(values[1]);
  });

  it('reads a value written with another key as no login, reports it, and leaves it out of the list', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    await redisTokenStore(client, { encryptionKey: newKey(), prefix }).set('the-key', login());
    const redisKey = await onlyLoginKey(client, prefix);
    const reported: TokenStoreError[] = [];
    const wrong = redisTokenStore(client, { encryptionKey: newKey(), prefix, onUnreadable: (error) => reported.push(error) });

    // Another key names the login elsewhere, so it reads as none; the list still finds the unreadable value.
    expect(await wrong.get('the-key')).toBeUndefined();
    expect(await wrong.list()).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(TokenStoreError.isInstance(reported[0])).toBe(true);
    expect(reported[0]?.isRetryable).toBe(false);
    expect(reported[0]?.message).toContain(redisKey);
    expect(reported[0]?.message).toContain('encryptionKey');
  });

  it('reports an unreadable value by default as one McpxWarning process warning per key, naming the key', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const encryptionKey = newKey();
    const store = redisTokenStore(client, { encryptionKey, prefix });
    await store.set('the-key', login());
    const redisKey = await onlyLoginKey(client, prefix);
    await client.set(redisKey, 'a value of another program');
    const warnings: Error[] = [];
    const listener = (warning: Error): void => {
      if (warning.message.includes(prefix)) warnings.push(warning);
    };
    process.on('warning', listener);
    try {
      expect(await store.get('the-key')).toBeUndefined();
      expect(await store.get('the-key')).toBeUndefined();
      // Process warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ name: 'McpxWarning', code: 'TOKEN_STORE_FAILED' });
    expect(warnings[0]?.message).toContain(redisKey);
  });

  it('reads a corrupt or foreign value under its keys as no login, and a new login overwrites it', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix, onUnreadable: () => undefined });
    const stored = login();
    await store.set('the-key', stored);
    const redisKey = await onlyLoginKey(client, prefix);
    const raw = Buffer.from((await client.get(redisKey)) ?? '', 'base64');
    raw[raw.length - 20] = (raw[raw.length - 20] ?? 0) ^ 0xff;

    for (const value of [raw.toString('base64'), '{"accessToken":"plain"}', 'not base64 at all', '']) {
      await client.set(redisKey, value);
      expect(await store.get('the-key')).toBeUndefined();
    }
    await store.set('the-key', stored);
    expect(await store.get('the-key')).toEqual(stored);
  });

  it('does not decrypt a value copied under another key', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix, onUnreadable: () => undefined });
    await store.set('alice', login());
    const alice = await onlyLoginKey(client, prefix);
    await store.set('mallory', login());
    const mallory = (await client.keys(`${prefix}token:*`)).find((key) => key !== alice) as string;

    await client.copy(alice, mallory, { REPLACE: true });

    expect(await store.get('mallory')).toBeUndefined();
  });

  it('shares logins between stores given the same passphrase and prefix, and not with another prefix', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const passphrase = 'correct horse battery staple';
    const stored = login();
    await redisTokenStore(client, { encryptionKey: passphrase, prefix }).set('the-key', stored);

    expect(await redisTokenStore(client, { encryptionKey: passphrase, prefix }).get('the-key')).toEqual(stored);
    expect(await redisTokenStore(client, { encryptionKey: passphrase, prefix: redis.prefix() }).get('the-key')).toBeUndefined();
  });

  it('takes a key as 32 raw bytes, as "hex:" or "base64:" and their text, the same key either way', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const bytes = randomBytes(32);
    const stored = login();
    await redisTokenStore(client, { encryptionKey: bytes, prefix }).set('the-key', stored);

    for (const encryptionKey of [
      `hex:${bytes.toString('hex')}`,
      `base64:${bytes.toString('base64')}`,
      `base64:${bytes.toString('base64url')}`,
    ])
      expect(await redisTokenStore(client, { encryptionKey, prefix }).get('the-key')).toEqual(stored);
  });

  it('refuses a key of the wrong size and a short passphrase with a ConfigError that says what to give', async () => {
    const client = await redis.connect();
    for (const encryptionKey of [randomBytes(16), 'hunter2', 'hex:abcd', `base64:${randomBytes(16).toString('base64')}`]) {
      const error = (() => {
        try {
          redisTokenStore(client, { encryptionKey });
        } catch (caught) {
          return caught;
        }
      })();
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/encryptionKey of redisTokenStore\(\).*(give|use) /);
    }
  });

  it('lists only its own logins when other keys share the prefix', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix });
    const stored = login();
    await store.set('one', stored);
    await client.set(`${prefix}cache:tools`, 'something of the response cache');
    await client.set(`${prefix}token-lock:one`, 'a lock');
    await client.hSet(`${prefix}token:a-hash`, 'field', 'of another program');

    expect(await store.list()).toEqual([{ key: 'one', login: stored }]);
  });

  it('fails a read while Redis is down instead of hanging, and reads again once it is back', async () => {
    const client = await redis.connect();
    const prefix = redis.prefix();
    const store = redisTokenStore(client, { encryptionKey: newKey(), prefix, commandTimeoutMs: 1_000 });

    await redis.server.kill();
    try {
      await expect(store.get('the-key')).rejects.toThrow();
    } finally {
      await redis.server.restart();
    }
    await expect.poll(() => store.get('the-key').catch(() => 'down'), { timeout: 20_000, interval: 200 }).toBeUndefined();
  });
});
