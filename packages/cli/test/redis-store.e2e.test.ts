// `mcpx` processes sharing a config's "store" on a real redis-server, with the real @mcpx/redis:
// each run is a process of its own, as the replicas of a fleet are. Runs the built CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectRedis, type RedisClient } from '@mcpx/redis';
import { dualEraServerCommand, freePort, startRedisServer, type RedisServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('redis-store');
let server: RedisServer;
let redis: RedisClient;

beforeAll(async () => {
  requireBuild();
  server = await startRedisServer();
  redis = await connectRedis(server.url);
});
afterAll(async () => {
  await redis?.close();
  await server?.stop();
  dir[Symbol.dispose]();
});

/** The methods the client sent to the server behind the relay logging to `log`, in order. */
function methods(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('mcpx commands sharing a store on Redis', () => {
  it("answers a second run's tools from the cache the first run filled, sending no tools/list to the server", async () => {
    const log = join(dir.path, 'sent.log');
    const dual = dualEraServerCommand();
    dir.write(
      'fleet.json',
      JSON.stringify({
        mcpServers: { dual: { command: process.execPath, args: [join(FIXTURES, 'logging-relay.mjs'), log, dual.command, ...dual.args] } },
        store: { redis: '${REDIS_URL}', prefix: 'cli-e2e:' },
      }),
    );
    const env = { REDIS_URL: server.url };

    const first = await mcpx(['tools', '--config', 'fleet.json'], { dir, env });
    expect(first.code, first.stderr).toBe(0);
    expect(methods(log)).toContain('tools/list');
    // The run does not wait for its entry to reach Redis before it exits: the next run needs it there.
    await vi.waitFor(async () => expect(await redis.keys('cli-e2e:cache:*')).not.toHaveLength(0), { timeout: 20_000 });
    const sentByFirst = methods(log).length;

    const second = await mcpx(['tools', '--config', 'fleet.json'], { dir, env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const sentBySecond = methods(log).slice(sentByFirst);
    // It did reach the server (server/discover, in the 2026-07-28 era), but not for the list.
    expect(sentBySecond).not.toEqual([]);
    expect(sentBySecond).not.toContain('tools/list');
  });

  it('exits unavailable (4) when Redis does not answer at start, naming the URL without its password', async () => {
    const port = await freePort();
    dir.write(
      'down.json',
      JSON.stringify({
        mcpServers: { dual: dualEraServerCommand() },
        store: { redis: `redis://:\${REDIS_PASSWORD}@127.0.0.1:${port}`, connectTimeoutMs: 2000 },
      }),
    );
    const result = await mcpx(['tools', '--config', 'down.json'], { dir, env: { REDIS_PASSWORD: 'hunter2-secret' } });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`cannot reach the shared store at redis://:***@127.0.0.1:${port} (`);
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stdout + result.stderr).not.toContain('hunter2-secret');
  });
});
