import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/specs.js';
import { mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('usage');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

describe('help', () => {
  it('lists every command, the global flags and the exit codes, with no arguments or --help', async () => {
    for (const args of [[], ['--help'], ['help']]) {
      const result = await mcpx(args, { dir });
      expect(result.code).toBe(0);
      for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^ {2}${command.name.join(' ')}\\s+\\S`, 'm'));
      expect(result.stdout).toContain('--config <file>');
      expect(result.stdout).toContain(
        '0 ok   1 failed   2 usage error   3 config invalid or missing   4 server unavailable   5 login required   130 interrupted',
      );
    }
  });

  it.each(COMMANDS.map((command) => [command.name.join(' ')]))('mcpx %s --help shows its usage, flags and examples', async (name) => {
    const result = await mcpx([...name.split(' '), '--help'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: mcpx ${name}`);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ mcpx /);
    expect(result.stdout).toContain('Global flags:');
    const viaHelp = await mcpx(['help', ...name.split(' ')], { dir });
    expect(viaHelp.stdout).toBe(result.stdout);
  });

  it('prints the version of the package with --version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await mcpx(['--version'], { dir })).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('usage errors exit 2', () => {
  it('for an unknown command, with a suggestion', async () => {
    const result = await mcpx(['tool'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "tool"; did you mean "tools"?');
  });

  it('for an unknown flag, with a suggestion', async () => {
    const result = await mcpx(['tools', '--lng'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --lng; did you mean --long?');
  });

  it('for a missing argument, a flag without its value, or too many words', async () => {
    expect((await mcpx(['call'], { dir })).stderr).toContain('mcpx call needs an argument; usage: mcpx call <server>/<tool>');
    expect((await mcpx(['servers', '--config'], { dir })).stderr).toContain('--config needs a value: <file>');
    const extra = await mcpx(['tools', 'a', 'b'], { dir });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('takes at most 1, got "b" too');
    expect((await mcpx(['health', '--interval', 'soon'], { dir })).stderr).toContain(
      '--interval must be a duration such as 500ms, 30s or 2m',
    );
  });
});
