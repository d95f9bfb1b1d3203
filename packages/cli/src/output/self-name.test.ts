import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfName } from './self-name.js';

const clone = join('/', 'src', 'mcpx');
const bin = join(clone, 'packages', 'cli', 'dist', 'bin.js');

describe('selfName', () => {
  it('says pnpm mcpx when pnpm ran the CLI of a clone', () => {
    expect(
      selfName(
        { npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64' },
        join(clone, 'examples'),
        join(clone, 'scripts', 'mcpx.mjs'),
        clone,
      ),
    ).toBe('pnpm mcpx');
  });

  it("names the built file when node ran a clone's bin.js", () => {
    expect(selfName({}, clone, bin, clone)).toBe(`node ${join('packages', 'cli', 'dist', 'bin.js')}`);
    expect(selfName({}, join('/', 'elsewhere'), bin, clone)).toBe(`node ${bin}`);
  });

  it('says mcpx for an installed CLI, whoever started it', () => {
    expect(
      selfName(
        { npm_config_user_agent: 'pnpm/10.34.9' },
        clone,
        join('/', 'usr', 'lib', 'node_modules', '@mcpx', 'cli', 'dist', 'bin.js'),
        undefined,
      ),
    ).toBe('mcpx');
    expect(selfName({}, clone, join('/', 'usr', 'local', 'bin', 'mcpx'), undefined)).toBe('mcpx');
  });
});
