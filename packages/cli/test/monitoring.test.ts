import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('monitoring');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

interface HealthRow {
  name: string;
  state: string;
  latencyMs: number | null;
  errorRate: number;
  checks: number;
  breaker: string;
}

describe('mcpx health', () => {
  it('runs a check on every server and shows state, latency, error rate and breaker', async () => {
    const result = await mcpx(['health'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NAME\s+STATE\s+LATENCY\s+ERRORS\s+CHECKS\s+BREAKER\s+LAST ERROR$/m);
    for (const name of ['everything', 'filesystem', 'memory']) {
      expect(result.stdout).toMatch(new RegExp(`^${name}\\s+connected\\s+[\\d.]+ ms\\s+0%\\s+[1-9]\\d*\\s+closed$`, 'm'));
    }
  });

  it('gives the same as JSON', async () => {
    const result = await mcpx(['health', 'memory', '--json'], { dir });
    expect(result.code).toBe(0);
    const { servers } = json<{ servers: HealthRow[] }>(result);
    expect(servers).toHaveLength(1);
    expect(servers[0]).toMatchObject({ name: 'memory', state: 'connected', errorRate: 0, breaker: 'closed' });
    expect(servers[0]!.checks).toBeGreaterThanOrEqual(1);
    expect(servers[0]!.latencyMs).toBeGreaterThan(0);
  });

  it('--watch --json prints one snapshot a line, checks accumulating', async () => {
    const result = await mcpx(['health', 'everything', '--watch', '--interval', '200ms', '--count', '3', '--json'], { dir });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { takenAt: number; servers: HealthRow[] });
    expect(lines).toHaveLength(3);
    expect(lines[2]!.takenAt).toBeGreaterThan(lines[0]!.takenAt);
    expect(lines[2]!.servers[0]!.checks).toBeGreaterThan(lines[0]!.servers[0]!.checks);
  });

  it('--watch without a terminal prints one table a refresh', async () => {
    const result = await mcpx(['health', 'everything', '--watch', '--interval', '100ms', '--count', '2'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^NAME\s+STATE/gm)).toHaveLength(2);
    expect(result.stdout).toContain('Ctrl-C stops');
  });
});

describe('mcpx stats', () => {
  it('shows request counts, success rate and latency percentiles', async () => {
    const result = await mcpx(['stats'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NAME\s+STATE\s+REQUESTS\s+FAILED\s+SUCCESS\s+P50\s+P95\s+MAX\s+RECONNECTS\s+UPTIME$/m);
    expect(result.stdout).toMatch(/^everything\s+connected\s+[1-9]\d*\s+0\s+100%\s+[\d.]+ ms/m);
    expect(result.stdout).toMatch(/^3 servers, [1-9]\d* requests, 0 failed/m);
  });

  it("gives the registry's snapshot as JSON", async () => {
    const result = await mcpx(['stats', 'everything', '--json'], { dir });
    expect(result.code).toBe(0);
    const snapshot = json<{
      servers: Array<{ name: string; requests: { total: number; successRate: number }; latency: { count: number } }>;
      totals: { servers: number };
    }>(result);
    expect(snapshot.totals.servers).toBe(1);
    expect(snapshot.servers[0]).toMatchObject({ name: 'everything', requests: { successRate: 1 } });
    expect(snapshot.servers[0]!.requests.total).toBeGreaterThanOrEqual(3);
    expect(snapshot.servers[0]!.latency.count).toBe(snapshot.servers[0]!.requests.total);
  });
});
