import { ConfigError } from '@mcpx/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as builtins from './node-builtins.js';
import { describeCommand, resolveOptions, type StdioTransportOptions } from './options.js';

/** Whether the stubbed `isatty` says this process has a terminal. */
const tty = { terminal: false };
beforeEach(() => {
  vi.spyOn(builtins.tty, 'isatty').mockImplementation(() => tty.terminal);
});
afterEach(() => {
  tty.terminal = false;
  vi.restoreAllMocks();
});

describe('the processGroup default', () => {
  it('is false for a command started directly, without a terminal', () => {
    expect(resolveOptions({ command: '/usr/bin/node', args: ['server.js'] }).processGroup).toBe(false);
  });

  it('is true with a terminal, where a Ctrl-C would reach the server', () => {
    tty.terminal = true;
    expect(resolveOptions({ command: 'node', args: ['server.js'] }).processGroup).toBe(true);
  });

  it.each([
    ['npx', ['-y', '@modelcontextprotocol/server-everything']],
    ['/usr/local/bin/uvx', ['mcp-server-fetch']],
    ['pnpm', ['dlx', 'some-server']],
    ['npm', ['exec', 'some-server']],
  ])('is true for a package runner (%s %s), whose child a crash would orphan', (command, args) => {
    expect(resolveOptions({ command, args }).processGroup).toBe(true);
  });

  it('is false for a runner that does not start a package (pnpm run) and when set so', () => {
    expect(resolveOptions({ command: 'pnpm', args: ['run', 'server'] }).processGroup).toBe(false);
    expect(resolveOptions({ command: 'npx', args: ['server'], processGroup: false }).processGroup).toBe(false);
  });
});

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveOptions({ command: 'node' })).toEqual({
      command: 'node',
      args: [],
      cwd: undefined,
      env: {},
      inheritEnv: false,
      stderr: 'pipe',
      maxLineBytes: 10 * 1024 * 1024,
      shutdownTimeoutMs: 2000,
      stderrTailLines: 20,
      processGroup: false,
      name: undefined,
    });
  });

  it.each<[string, StdioTransportOptions]>([
    ['an empty command', { command: ' ' }],
    ['args that are not strings', { command: 'node', args: [1] as unknown as string[] }],
    ['an unknown stderr mode', { command: 'node', stderr: 'file' as 'pipe' }],
    ['a zero maxLineBytes', { command: 'node', maxLineBytes: 0 }],
    ['a fractional shutdownTimeoutMs', { command: 'node', shutdownTimeoutMs: 1.5 }],
    ['a negative stderrTailLines', { command: 'node', stderrTailLines: -1 }],
    ['a processGroup that is not a boolean', { command: 'node', processGroup: 'no' as unknown as boolean }],
  ])('rejects %s with a ConfigError naming the server', (_, options) => {
    let error: unknown;
    try {
      resolveOptions({ ...options, name: 'files' });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^server "files": StdioTransport: "/);
  });
});

describe('describeCommand', () => {
  it('joins the command and its arguments, quoting those with spaces or quotes', () => {
    expect(describeCommand('npx', ['-y', '@modelcontextprotocol/server-filesystem', '/tmp/my files', ''])).toBe(
      'npx -y @modelcontextprotocol/server-filesystem "/tmp/my files" ""',
    );
  });
});

describe('unknown options', () => {
  it('are refused, naming the option meant', () => {
    expect(() => resolveOptions({ command: 'node', arg: ['server.js'] } as unknown as StdioTransportOptions)).toThrow(
      'new StdioTransport(options): unknown option "arg"; did you mean "args"?',
    );
  });

  it('point a request timeout given to the transport at the client', () => {
    expect(() => resolveOptions({ command: 'node', timeout: 300 } as unknown as StdioTransportOptions)).toThrow(
      'new StdioTransport(options): unknown option "timeout"; requests are timed by the client: new McpClient({ requestTimeoutMs }), or connect(transport, { timeoutMs }) for connecting',
    );
  });
});
