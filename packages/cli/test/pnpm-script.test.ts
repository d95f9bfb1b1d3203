import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURES, json, outcome, requireBuild, scratch, type RunResult } from './helpers.js';

// `pnpm mcpx` as a user of a clone runs it: from the folder they are in, which pnpm does not
// make the working folder of the root's scripts.
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const home = scratch('pnpm');
// A folder of the user's inside the clone, without a package.json: pnpm runs the root's script.
mkdirSync(join(REPOSITORY, '.tmp'), { recursive: true });
const mine = mkdtempSync(join(REPOSITORY, '.tmp', 'pnpm-mcpx-'));
beforeAll(requireBuild);
afterAll(() => {
  rmSync(mine, { recursive: true, force: true });
  home[Symbol.dispose]();
});

const servers = (name: string): string =>
  JSON.stringify({ mcpServers: { [name]: { command: process.execPath, args: [join(FIXTURES, 'fixture-server.mjs')] } } });

/** Runs `pnpm --silent mcpx args` in `cwd`, as a user of the clone does. */
function pnpmMcpx(args: readonly string[], cwd: string): Promise<RunResult> {
  // The pnpm running these tests, else the one on the PATH; never a download of another version.
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath !== undefined && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
  const env = cleanEnv(home, { npm_config_manage_package_manager_versions: 'false', npm_config_update_notifier: 'false' });
  return outcome(spawn(command, [...prefix, '--silent', 'mcpx', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

describe('pnpm mcpx', () => {
  it("finds the config of the folder it is run from, not the example fleet's", async () => {
    writeFileSync(join(mine, 'mcp_servers.json'), servers('mine'));
    const result = await pnpmMcpx(['validate', '--json'], mine);
    expect(json(result)).toMatchObject({ valid: true, file: 'mcp_servers.json', servers: [{ name: 'mine' }] });
    expect(result.stderr).toBe('');
  });

  it('resolves a relative --config against the folder it is run from', async () => {
    mkdirSync(join(mine, 'conf'), { recursive: true });
    writeFileSync(join(mine, 'conf', 'servers.json'), servers('relative'));
    const result = await pnpmMcpx(['validate', '-c', join('conf', 'servers.json'), '--json'], mine);
    expect(json(result)).toMatchObject({ valid: true, file: join('conf', 'servers.json'), servers: [{ name: 'relative' }] });
  });

  it("works in examples/, which has a package.json of its own, on the example fleet's file", async () => {
    const result = await pnpmMcpx(['validate', '--json'], join(REPOSITORY, 'examples'));
    expect(json(result)).toMatchObject({ valid: true, servers: [{ name: 'everything' }, { name: 'filesystem' }, { name: 'memory' }] });
    // Still the example fleet, with its variables: its servers do not write into examples/.
    const text = await pnpmMcpx(['validate'], join(REPOSITORY, 'examples'));
    expect(text.stderr).toContain('mcpx: using the example fleet (mcp_servers.json)');
  });

  it("works in a package's folder, and names itself pnpm mcpx in its hints", async () => {
    const cli = join(REPOSITORY, 'packages', 'cli');
    const result = await pnpmMcpx(['validate', relative(cli, join(mine, 'mcp_servers.json')), '--json'], cli);
    expect(json(result)).toMatchObject({ valid: true, servers: [{ name: 'mine' }] });
    const example = await pnpmMcpx(['validate'], cli);
    expect(example.code).toBe(0);
    expect(example.stderr).toContain('mcpx: no config found; using the example fleet');
    expect(example.stderr).toContain('pnpm mcpx config init writes your own');
  });
});
