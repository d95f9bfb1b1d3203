import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureConfig, mcpx, requireBuild, scratch } from './helpers.js';

// The cases docs/troubleshooting.md describes, as a user meets them.
const dir = scratch('trouble');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

describe('a server that prints to stdout', () => {
  it('still works, and -v shows the stray lines', async () => {
    dir.write('noisy.json', fixtureConfig(join(dir.path, 'noisy.log'), true));
    const quiet = await mcpx(['call', 'slow/echo', 'text=hello', '--config', 'noisy.json'], { dir });
    expect(quiet).toMatchObject({ code: 0, stdout: 'hello\n', stderr: '' });
    const verbose = await mcpx(['call', 'slow/echo', 'text=hello', '--config', 'noisy.json', '-v'], { dir });
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toBe('hello\n');
    expect(verbose.stderr).toContain('[slow] stdout (not JSON-RPC): stray output before answering hello');
  });
});

describe('a request that times out', () => {
  it('exits 1 saying how to allow more time', async () => {
    const result = await mcpx(['call', 'everything/trigger-long-running-operation', 'duration=2', 'steps=1', '--timeout', '300ms'], { dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no response within 300 ms');
    expect(result.stderr).toContain('hint: raise mcpx --timeout');
  });
});

describe('a server that fails to start, with -v', () => {
  it("shows its stderr lines as it wrote them, nothing of mcpx's appended to the last one", async () => {
    dir.write('failing.json', JSON.stringify({ mcpServers: { failing: { command: process.execPath, args: [join(FIXTURES, 'failing-server.mjs')] } } }));
    const result = await mcpx(['servers', '--config', 'failing.json', '-v'], { dir });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^\[failing\] connecting → failed: .*; reconnection is off$/m);
    expect(result.stderr).toMatch(/^ +Error: MCPX_TEST_API_KEY is not set$/m);
    expect(result.stderr).not.toContain('is not set;');
  });
});
