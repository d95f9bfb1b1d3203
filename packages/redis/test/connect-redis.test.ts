import { inspect } from 'node:util';
import { startRedisServer } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { connectRedis, RedisConnectError } from '../src/index.js';

describe('connectRedis', () => {
  it('connects to a running Redis with the offline queue off', async () => {
    const server = await startRedisServer();
    try {
      const redis = await connectRedis(server.url);
      expect(await redis.ping()).toBe('PONG');
      await server.kill();
      // Commands fail while the connection is down instead of waiting in a queue.
      await expect(redis.ping()).rejects.toThrow();
      redis.destroy();
    } finally {
      await server.stop();
    }
  });

  it('rejects with a RedisConnectError naming the URL without its password when Redis is down', async () => {
    // Port 1 is reserved and never listened on; a port freed by freePort() may be taken by a parallel test.
    const port = 1;
    const error: unknown = await connectRedis(`redis://app:s3cret@127.0.0.1:${port}/0`, { connectTimeoutMs: 1000 }).catch(
      (caught: unknown) => caught,
    );
    expect(RedisConnectError.isInstance(error)).toBe(true);
    const failure = error as RedisConnectError;
    expect(failure.code).toBe('REDIS_CONNECT_FAILED');
    expect(failure.url).toBe(`redis://app:***@127.0.0.1:${port}/0`);
    expect(failure.message).toContain(`redis://app:***@127.0.0.1:${port}/0`);
    expect(failure.message).toContain('ECONNREFUSED');
    expect(failure.message).toMatch(/check that redis-server runs/);
    expect(failure.message).not.toContain('s3cret');
    expect(failure.cause).toBeInstanceOf(Error);
  });

  it('rejects a URL that is not redis:// or rediss:// with a RedisConnectError', async () => {
    const error: unknown = await connectRedis('http://user:pw@127.0.0.1:6379').catch((caught: unknown) => caught);
    expect(RedisConnectError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('http://user:***@127.0.0.1:6379/');
    expect((error as Error).message).not.toContain(':pw@');
  });

  it('keeps the password of a URL that does not parse out of the error, inspected with its cause', async () => {
    const error: unknown = await connectRedis('redis://app:s3cret@exa mple:6379').catch((caught: unknown) => caught);
    expect(RedisConnectError.isInstance(error)).toBe(true);
    expect((error as RedisConnectError).isRetryable).toBe(false);
    expect(inspect(error, { depth: 10 })).not.toContain('s3cret');
  });

  it('gives up at once, not retryable, when Redis refuses the password', { timeout: 30_000 }, async () => {
    const server = await startRedisServer();
    try {
      const admin = await connectRedis(server.url);
      await admin.sendCommand(['ACL', 'SETUSER', 'app', 'on', '>right', '~*', '+@all']);
      await admin.close();
      const url = server.url.replace('redis://', 'redis://app:wrong@');
      // Were it retried, this would only reject after connectTimeoutMs, long after the test's timeout.
      const error: unknown = await connectRedis(url, { connectTimeoutMs: 120_000 }).catch((caught: unknown) => caught);
      expect(RedisConnectError.isInstance(error)).toBe(true);
      expect((error as RedisConnectError).message).toContain('WRONGPASS');
      expect((error as RedisConnectError).isRetryable).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('rejects an unknown option, naming it, and a connectTimeoutMs that is not a positive integer', async () => {
    await expect(connectRedis('redis://127.0.0.1:1', { connectTimeout: 5 } as never)).rejects.toThrow(/connectTimeout/);
    await expect(connectRedis('redis://127.0.0.1:1', { connectTimeoutMs: 0 })).rejects.toThrow(
      /"connectTimeoutMs" must be an integer of at least 1, got 0/,
    );
  });
});
