import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProblemList } from './problem.js';

afterEach(() => {
  vi.doUnmock('smol-toml');
  vi.resetModules();
});

describe('parseText', () => {
  it('parses JSON without loading the TOML parser', async () => {
    vi.doMock('smol-toml', () => {
      throw new Error('loaded');
    });
    const { parseText } = await import('./parse-text.js');
    const problems = new ProblemList('mcpx.json');
    expect(await parseText('{ "mcpServers": {} }', 'json', problems)).toEqual({ mcpServers: {} });
    expect(problems.problems).toEqual([]);
  });

  it('reports a TOML parser that fails to load as a ConfigError that says to reinstall, each time it is needed', async () => {
    vi.doMock('smol-toml', () => {
      throw new Error('Cannot find package smol-toml');
    });
    const { parseText } = await import('./parse-text.js');
    const parse = (): Promise<unknown> =>
      parseText('[a]\ncommand = "x"\n', 'toml', new ProblemList('mcpx.toml')).catch((error: unknown) => error);
    const [first, second] = [await parse(), await parse()];
    for (const failure of [first, second]) {
      expect(failure).toMatchObject({
        name: 'ConfigError',
        message: expect.stringMatching(
          /^@mcpx\/factory could not load smol-toml, which it needs to read TOML configs \(.+\); reinstall @mcpx\/factory and restart the process$/,
        ),
      });
    }
    expect(second).not.toBe(first);
  });
});
