import { describe, expect, it } from 'vitest';
import { candidates } from './candidates.js';

const servers = () => ['everything', 'memory', 'files'];
const complete = (...words: string[]) => candidates(words, servers);

describe('completion candidates', () => {
  it('are the commands for the first word, by prefix', () => {
    expect(complete('')).toEqual(expect.arrayContaining(['servers', 'tools', 'call', 'config', 'completion', 'help']));
    expect(complete('co')).toEqual(['config', 'completion']);
  });

  it("are a command's subcommands, and its flags with the global ones", () => {
    expect(complete('config', '')).toEqual(['init', 'add', 'remove', 'list']);
    expect(complete('tools', '--l')).toEqual(['--long']);
    expect(complete('call', '--no-')).toEqual(['--no-color', '--no-sampling', '--no-progress']);
  });

  it('are the auth subcommands, and server names for login, logout and auth status', () => {
    expect(complete('auth', '')).toEqual(['status']);
    expect(complete('login', 'me')).toEqual(['memory']);
    expect(complete('logout', '')).toEqual(['everything', 'memory', 'files']);
    expect(complete('auth', 'status', 'f')).toEqual(['files']);
  });

  it('are the tasks subcommands, then a server name, and nothing for the task id', () => {
    expect(complete('tasks', '')).toEqual(['list', 'get', 'result', 'cancel']);
    expect(complete('tasks', 'get', 'ev')).toEqual(['everything']);
    expect(complete('tasks', 'cancel', 'everything', '')).toEqual([]);
    expect(complete('tasks', 'result', '--no-')).toEqual(['--no-color', '--no-progress', '--no-sampling']);
  });

  it('are the values of a flag that has a fixed set, and nothing for a free one', () => {
    expect(complete('tools', '--transport', '')).toEqual(['stdio', 'http', 'sse', 'websocket']);
    expect(complete('chat', '--provider', '')).toEqual(['anthropic', 'openai']);
    expect(complete('tools', '--timeout', '')).toEqual([]);
  });

  it("are the config's server names where a command takes them, and server/ for call and prompt", () => {
    expect(complete('tools', 'me')).toEqual(['memory']);
    expect(complete('tools', 'memory', '')).toEqual([]);
    expect(complete('health', '--watch', 'everything', '')).toEqual(['everything', 'memory', 'files']);
    expect(complete('call', 'e')).toEqual(['everything/']);
    expect(complete('config', 'remove', 'f')).toEqual(['files']);
    expect(complete('-c', 'x.json', 'tools', '')).toEqual(['everything', 'memory', 'files']);
  });

  it('are server names for the first word of skills only, and server/ for app', () => {
    expect(complete('skills', 'f')).toEqual(['files']);
    expect(complete('skills', 'files', '')).toEqual([]);
    expect(complete('app', 'm')).toEqual(['memory/']);
  });

  it('are the shells for completion, and nothing after --, where the shell completes files', () => {
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('tools', '--', 'node', '')).toEqual([]);
  });
});
