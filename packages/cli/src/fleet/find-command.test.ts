import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from './find-command.js';

let root: string;
const file = (path: string, mode = 0o755): string => {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  chmodSync(full, mode);
  return full;
};
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mcpx-find-command-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findCommand on POSIX', () => {
  const search = (path: string[]) => ({
    path: path.map((folder) => join(root, folder)).join(':'),
    cwd: join(root, 'project'),
    platform: 'linux' as const,
  });

  it('finds a name in the first folder of the PATH that has it', () => {
    const second = file('b/uvx');
    expect(findCommand('uvx', search(['a', 'b']))).toEqual({ found: second });
    const first = file('a/uvx');
    expect(findCommand('uvx', search(['a', 'b']))).toEqual({ found: first });
  });

  it('finds nothing for a name on no folder of the PATH', () => {
    file('a/other');
    expect(findCommand('uvx', search(['a']))).toEqual({});
    expect(findCommand('uvx', { path: undefined, cwd: root, platform: 'linux' })).toEqual({});
  });

  it('resolves a command with a folder from the working folder, and takes an absolute one as it is', () => {
    const script = file('project/bin/server.sh');
    expect(findCommand('./bin/server.sh', search([]))).toEqual({ found: script });
    expect(findCommand(script, search([]))).toEqual({ found: script });
    expect(findCommand('./bin/missing.sh', search([]))).toEqual({});
  });

  it('tells of a file that is not executable', () => {
    const plain = file('a/tool', 0o644);
    expect(findCommand('tool', search(['a']))).toEqual({ notExecutable: plain });
  });
});

describe('findCommand on Windows', () => {
  it('finds name.exe, and tells of a .cmd script that needs a shell', () => {
    const options = { path: [join(root, 'node'), join(root, 'npm')].join(';'), cwd: root, platform: 'win32' as const };
    const node = file('node/node.exe');
    const npx = file('npm/npx.cmd');
    expect(findCommand('node', options)).toEqual({ found: node });
    expect(findCommand('npx', options)).toEqual({ shellOnly: npx });
    expect(findCommand('npx', { ...options, pathext: '.COM;.EXE' })).toEqual({});
    expect(findCommand('uvx', options)).toEqual({});
  });
});
