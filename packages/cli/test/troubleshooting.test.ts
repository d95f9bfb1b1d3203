import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureConfig, json, mcpx, requireBuild, scratch } from './helpers.js';

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
  it('exits 1 naming --timeout as what to raise', async () => {
    const result = await mcpx(['call', 'everything/trigger-long-running-operation', 'duration=2', 'steps=1', '--timeout', '300ms'], {
      dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('method tools/call: no response within 300 ms; raise --timeout if the server is just slow');
    expect(result.stderr).toContain('hint: durations are written 500ms, 30s or 2m');
  });
});

describe('a short --timeout', () => {
  // It used to bound the handshake too, which a loaded machine does not fit in 200 ms, and no machine in 1 ms.
  it.each(['200ms', '1ms'])('of %s still connects the example fleet: it bounds requests, not connecting', async (timeout) => {
    const result = await mcpx(['servers', '--timeout', timeout, '--json'], { dir });
    const { servers } = json<{ servers: Array<{ name: string; state: string; error: string | null }> }>(result);
    expect(servers.map((server) => [server.name, server.state])).toEqual([
      ['everything', 'connected'],
      ['filesystem', 'connected'],
      ['memory', 'connected'],
    ]);
  });
});

describe('a server that writes no JSON-RPC on stdout', () => {
  it('is reported down in seconds, quoting what it wrote', async () => {
    dir.write(
      'chatter.json',
      JSON.stringify({ mcpServers: { chatter: { command: process.execPath, args: [join(FIXTURES, 'stdout-chatter.mjs')] } } }),
    );
    // The connect timeout (30 s) is as long as the test's own: only the fast report passes.
    const result = await mcpx(['servers', '--config', 'chatter.json', '--json'], { dir });
    expect(result.code).toBe(4);
    const { servers } = json<{ servers: Array<{ state: string; error: string | null }> }>(result);
    expect(servers[0]?.state).toBe('failed');
    expect(servers[0]?.error).toMatch(
      /^server "chatter", connecting: the server wrote output that is not JSON-RPC on stdout, starting with "Server v1\.2\.3 starting/,
    );
  });
});

describe('a server that never answers the handshake', () => {
  it('is given up after --connect-timeout, which the message names', async () => {
    dir.write(
      'silent.json',
      JSON.stringify({ mcpServers: { silent: { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] } } }),
    );
    const result = await mcpx(['servers', '--config', 'silent.json', '--connect-timeout', '500ms', '--json'], { dir });
    expect(result.code).toBe(4);
    const { servers } = json<{ servers: Array<{ state: string; error: string | null }> }>(result);
    expect(servers[0]?.error).toBe(
      'server "silent": did not connect within 500 ms; check that the server starts, or raise --connect-timeout if it is just slow',
    );
  });
});

describe('a server that fails to start, with -v', () => {
  it("shows its stderr lines as it wrote them, nothing of mcpx's appended to the last one", async () => {
    dir.write(
      'failing.json',
      JSON.stringify({ mcpServers: { failing: { command: process.execPath, args: [join(FIXTURES, 'failing-server.mjs')] } } }),
    );
    const result = await mcpx(['servers', '--config', 'failing.json', '-v'], { dir });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^\[failing\] connecting → failed: .*; reconnection is off$/m);
    expect(result.stderr).toMatch(/^ +Error: MCPX_TEST_API_KEY is not set$/m);
    expect(result.stderr).not.toContain('is not set;');
  });
});
