import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startRedisServer } from '@mcpx/test-utils';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('./redis.mjs', import.meta.url));

it('the Redis example answers the second client from the cache the first filled, until an invalidation', async () => {
  const redis = await startRedisServer();
  try {
    const { stdout } = await run(process.execPath, [example], { env: { ...process.env, REDIS_URL: redis.url } });
    expect(stdout.trim().split('\n')).toEqual([
      'worker-1: 1 tool(s) from the server',
      'worker-2: 1 tool(s) from Redis',
      'invalidation over Redis: notifications/tools/list_changed',
      'worker-2: 1 tool(s) from the server',
    ]);
  } finally {
    await redis.stop();
  }
});

it('the Redis example says which URL it could not reach, without the password', async () => {
  const error = (await run(process.execPath, [example], { env: { ...process.env, REDIS_URL: 'redis://:s3cret@127.0.0.1:1' } }).catch(
    (caught: unknown) => caught,
  )) as { code: number; stderr: string };
  expect(error.code).toBe(1);
  expect(error.stderr).toContain('could not reach redis://:***@127.0.0.1:1');
  expect(error.stderr).not.toContain('s3cret');
});
