import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS, SERVER_FLAGS } from '../args/flags.js';
import { parseArgs } from '../args/parse.js';
import { oneOffServer } from './one-off-server.js';

const serverOf = (...argv: string[]) => oneOffServer(parseArgs(argv, { flags: [...GLOBAL_FLAGS, ...SERVER_FLAGS] }));

describe('a one-off server', () => {
  it('is none without --url or --', () => {
    expect(serverOf('tools', 'everything')).toBeUndefined();
  });

  it('is the command line after --, started over stdio with its environment and folder, its tools unprefixed', () => {
    expect(
      serverOf('tools', '--env', 'A=1', '--env', 'B=x=y', '--cwd', '/srv', '--', 'node', 'weather/build/index.js', '--port', '1'),
    ).toEqual({
      name: 'weather',
      entry: { command: 'node', args: ['weather/build/index.js', '--port', '1'], env: { A: '1', B: 'x=y' }, cwd: '/srv', toolPrefix: '' },
    });
  });

  it('is named after the package or program it runs, or --name', () => {
    expect(serverOf('tools', '--', 'npx', '-y', '@modelcontextprotocol/server-memory')?.name).toBe('server-memory');
    expect(serverOf('tools', '--', './my-server')?.name).toBe('my-server');
    expect(serverOf('tools', '--name', 'mine', '--', 'python3', 'server.py')?.name).toBe('mine');
  });

  it('is the server at --url, with its headers and transport, named after the host', () => {
    expect(
      serverOf('tools', '--url', 'https://mcp.example.com/mcp', '--header', 'Authorization: Bearer a:b', '--transport', 'sse'),
    ).toEqual({
      name: 'mcp.example.com',
      entry: { url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer a:b' }, type: 'sse', toolPrefix: '' },
    });
    expect(serverOf('tools', '--url', 'ws://127.0.0.1:9/mcp', '--transport', 'ws')?.entry).toMatchObject({ type: 'websocket' });
  });

  it.each([
    [['--url', 'http://h/mcp', '--', 'node', 's.js'], 'give either --url or a command line after --, not both'],
    [['--url', 'http://h/mcp', '--header', 'NoColon'], '--header "NoColon" needs the form "Name: value"'],
    [['--url', 'http://h/mcp', '--env', 'A=1'], '--env applies to a server started after --'],
    [['--header', 'A: b', '--', 'node', 's.js'], '--header applies to a --url server'],
    [['--transport', 'http', '--', 'node', 's.js'], '--transport http needs --url'],
    [['--url', 'http://h/mcp', '--transport', 'grpc'], '--transport "grpc" is not a transport'],
    [['--env', 'A=1'], '--env shapes a one-off server, and none was given'],
    [['--', 'node', 's.js', '--env', 'A'], undefined],
  ])('refuses flags that do not fit: %j', (argv, message) => {
    if (message === undefined) expect(() => serverOf('tools', ...argv)).not.toThrow();
    else expect(() => serverOf('tools', ...argv)).toThrow(message);
  });

  it('refuses -- with nothing after it', () => {
    expect(() => serverOf('tools', '--')).toThrow('-- must be followed by the command that starts a server');
  });
});
