import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('completion');
beforeAll(() => {
  requireBuild();
  // `mcpx` on PATH, as an installed one would be: the scripts call it.
  const bin = join(dir.path, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'mcpx'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'mcpx'), 0o755);
  dir.write(
    'mcp.json',
    JSON.stringify({ mcpServers: { everything: { command: 'node', args: ['e.js'] }, memory: { command: 'node', args: ['m.js'] } } }),
  );
});
afterAll(() => dir[Symbol.dispose]());

function shellHas(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

/** What bash offers for the words of a command line, the last one being typed. */
function bashCompletes(...words: string[]): string[] {
  const env = { ...cleanEnv(dir), PATH: `${join(dir.path, 'bin')}:${process.env.PATH ?? ''}` };
  const array = ['mcpx', ...words].map((word) => `'${word}'`).join(' ');
  const script = `source <(mcpx completion bash)\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length}\n_mcpx_complete\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', script], { cwd: dir.path, env, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('mcpx completion', () => {
  it("prints a bash script that bash accepts, and that completes commands, flags and the config's servers", () => {
    expect(bashCompletes('he')).toEqual(['health', 'help']);
    expect(bashCompletes('tools', '--lo')).toEqual(['--long']);
    expect(bashCompletes('tools', '')).toEqual(['everything', 'memory']);
    expect(bashCompletes('call', 'm')).toEqual(['memory/']);
    expect(bashCompletes('config', 'remove', 'e')).toEqual(['everything']);
  });

  it.each(['zsh', 'fish'])('prints a %s script that the shell parses (when it is installed)', async (shell) => {
    const result = await mcpx(['completion', shell], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mcpx __complete');
    if (!shellHas(shell)) return; // not on this machine: the script's text is checked above, bash runs it for real
    const file = dir.write(`completion.${shell}`, result.stdout);
    const parsed = spawnSync(shell, shell === 'zsh' ? ['-n', file] : ['--no-execute', file], { encoding: 'utf8' });
    expect(parsed.stderr).toBe('');
    expect(parsed.status).toBe(0);
  });

  it('refuses another shell (exit 2)', async () => {
    const result = await mcpx(['completion', 'powershell'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no completion for "powershell"; write mcpx completion bash, zsh or fish');
  });
});
