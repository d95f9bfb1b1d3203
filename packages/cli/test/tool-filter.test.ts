import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('tool-filter');
const everything = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'index.js',
);
beforeAll(() => {
  requireBuild();
  dir.write(
    'filtered.json',
    JSON.stringify({
      mcpServers: {
        everything: { command: process.execPath, args: [everything, 'stdio'], disabledTools: ['get-env'], autoApprove: ['echo'] },
      },
    }),
  );
});
afterAll(() => dir[Symbol.dispose]());

describe('tool filtering in the config, from the command line', () => {
  it('leaves the disabled tools out of mcpx tools, and says which tools are approved in advance', async () => {
    const result = await mcpx(['tools', '--config', 'filtered.json', '--json'], { dir });
    expect(result.code).toBe(0);
    const { tools } = json<{ tools: Array<{ id: string; autoApproved: boolean }> }>(result);
    expect(tools.map((tool) => tool.id)).not.toContain('everything/get-env');
    expect(tools.find((tool) => tool.id === 'everything/echo')?.autoApproved).toBe(true);
    expect(tools.find((tool) => tool.id === 'everything/get-sum')?.autoApproved).toBe(false);
  });

  it('refuses mcpx call of a disabled tool, naming the config key', async () => {
    const result = await mcpx(['call', 'everything/get-env', '--config', 'filtered.json'], { dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('get-env');
    expect(result.stderr).toMatch(/disabledTools/);
  });
});
