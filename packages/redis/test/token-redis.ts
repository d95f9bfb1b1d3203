import { randomBytes } from 'node:crypto';
import { startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { createClient } from '@redis/client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RedisClient } from '../src/client.js';

/** A real redis-server for one test file, and clients to it closed after each test. */
export interface TokenRedis {
  readonly server: RedisServer;
  /** A new connected client (errors while the server is down are expected and ignored). */
  connect(): Promise<RedisClient>;
  /** A fresh key prefix, so that the tests of a file do not see each other's keys. */
  prefix(): string;
}

/** 32 random bytes as `base64:<base64>`: an encryption key as `openssl rand -base64 32` gives one. */
export function newKey(): string {
  return `base64:${randomBytes(32).toString('base64')}`;
}

/** The Redis keys under `<prefix>token:`: the logins a store wrote (their names are hashes). */
export async function loginKeys(client: RedisClient, prefix: string): Promise<string[]> {
  return client.keys(`${prefix}token:*`);
}

/** The one login key under `prefix`, failing when there is not exactly one. */
export async function onlyLoginKey(client: RedisClient, prefix: string): Promise<string> {
  const keys = await loginKeys(client, prefix);
  if (keys.length !== 1 || keys[0] === undefined) throw new Error(`expected one login under ${prefix}, found ${keys.length}`);
  return keys[0];
}

/** Starts redis-server once for the file (free port, persistence off) and stops it after. */
export function useRedis(): TokenRedis {
  let server: RedisServer | undefined;
  const clients: RedisClient[] = [];
  let prefixes = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const started = (): RedisServer => {
    if (server === undefined) throw new Error('redis-server is not started: call useRedis() at the top of a describe block');
    return server;
  };
  return {
    get server() {
      return started();
    },
    async connect() {
      const client = createClient({ url: started().url }) as RedisClient;
      // A server the test killed makes the client report errors while it reconnects.
      client.on('error', () => undefined);
      clients.push(client);
      await client.connect();
      return client;
    },
    prefix() {
      prefixes += 1;
      return `test${prefixes}-${randomBytes(4).toString('hex')}:`;
    },
  };
}
