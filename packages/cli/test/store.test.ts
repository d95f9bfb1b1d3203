import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('store');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

const server = { command: process.execPath, args: ['--version'] };

describe('a config with a bad "store"', () => {
  it('makes mcpx validate print each problem of the store with its field and fix, exit code 3', async () => {
    dir.write(
      'bad-store.json',
      JSON.stringify({
        mcpServers: { node: server },
        store: { redis: 'http://:${REDIS_PASSWORD}@cache:6379', tokenKey: '${MCPX_TOKEN_KEY}' },
      }),
    );
    const result = await mcpx(['validate', 'bad-store.json'], { dir, env: { REDIS_PASSWORD: 'hunter2-secret' } });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      'bad-store.json, field "store.redis": "http://:***@cache:6379/" has the scheme "http:", not redis: or rediss:; fix: write redis://host:6379, or rediss://host:6380 for TLS',
    );
    expect(result.stdout).toContain(
      'bad-store.json, field "store.tokenKey": ${MCPX_TOKEN_KEY} is not set; fix: set MCPX_TOKEN_KEY in the environment, or give a default: ${MCPX_TOKEN_KEY:-value}',
    );
    expect(result.stdout + result.stderr).not.toContain('hunter2-secret');
  });

  it('stops a command that uses the fleet with the same problem, before any server starts, exit code 3', async () => {
    dir.write(
      'typo-store.json',
      JSON.stringify({ mcpServers: { node: server }, store: { redis: 'redis://127.0.0.1:6379', fallbak: 'memory' } }),
    );
    const result = await mcpx(['tools', '--config', 'typo-store.json'], { dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('typo-store.json, field "store.fallbak": unknown key "fallbak"; fix: did you mean "fallback"?');
  });
});
