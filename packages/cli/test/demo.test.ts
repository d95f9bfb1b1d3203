import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('demo');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

describe('mcpx demo (what pnpm start runs) on a machine with no config', () => {
  it('shows the fleet coming up, the servers and a tool call', async () => {
    const result = await mcpx(['demo'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bringing up 3 servers from .*examples[/\\]mcp_servers\.json/);
    for (const name of ['everything', 'filesystem', 'memory']) expect(result.stdout).toMatch(new RegExp(`✓ ${name} connected in \\d+ ms`));
    expect(result.stdout).toMatch(/3 of 3 up in/);
    expect(result.stdout).toMatch(/^everything\s+stdio\s+2025-11-25/m);
    expect(result.stdout).toContain('$ mcpx call everything/get-sum a=19 b=23\nThe sum of 19 and 23 is 42.');
  });

  it('gives the servers and the call as JSON', async () => {
    const result = await mcpx(['demo', '--json'], { dir });
    expect(result.code).toBe(0);
    const report = json<{ servers: Array<{ state: string }>; call: { tool: string; result: { content: Array<{ text: string }> } } }>(
      result,
    );
    expect(report.servers.map((server) => server.state)).toEqual(['connected', 'connected', 'connected']);
    expect(report.call.tool).toBe('everything/get-sum');
    expect(report.call.result.content[0]!.text).toBe('The sum of 19 and 23 is 42.');
  });
});

describe('the commands mcpx demo suggests next', () => {
  it('are named as the user ran mcpx: pnpm mcpx through pnpm, else the file they ran', async () => {
    const viaPnpm = await mcpx(['demo'], { dir, env: { npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64' } });
    expect(viaPnpm.code).toBe(0);
    expect(viaPnpm.stdout).toContain('Next:\n  $ pnpm mcpx tools\n');
    expect(viaPnpm.stdout).not.toContain('dist/bin.js');
    const direct = await mcpx(['demo'], { dir });
    expect(direct.stdout).toContain(`Next:\n  $ node ${BIN} tools\n`);
  });
});
